"""The survey kiosk: a full-screen, touch-friendly questionnaire a citizen fills in anonymously.

One question per screen with big buttons: the profile of the regulation's questionnaire (service,
age, sex, education, occupation; each may be skipped), then the nine unsur. The response is saved
the moment the last question is answered, under the admin who opened the kiosk; the next citizen
starts from a clean screen (earlier answers are never shown). Nothing else of the app can be
reached: leaving needs that admin's password. An abandoned questionnaire returns to the welcome
screen after a while without being saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain import skm
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.skm_service import Profile, SurveyView, record_response
from kinerja_desktop.store.db import Database

# Seconds without a touch after which an unfinished questionnaire is dropped.
IDLE_RESET_S = 120
# Seconds the thank-you screen stays.
THANKS_S = 6

_STYLE = """
QWidget#kiosk { background: #f4f7fb; }
QLabel#kioskTitle { color: #1f4e79; font-weight: bold; }
QLabel#kioskQuestion { color: #1b1b1b; }
QLabel#kioskHint { color: #555; }
QPushButton#kioskAnswer { background: white; border: 2px solid #1f4e79; border-radius: 14px; color: #1b1b1b;
    padding: 10px; text-align: center; }
QPushButton#kioskAnswer:pressed { background: #1f4e79; color: white; }
QPushButton#kioskPrimary { background: #1f4e79; color: white; border: none; border-radius: 14px; padding: 14px; }
QPushButton#kioskSecondary { background: transparent; border: 2px solid #8a9bb0; border-radius: 12px; color: #334;
    padding: 8px 18px; }
QPushButton#kioskExit { background: transparent; border: none; color: #9aa5b1; }
QProgressBar { border: none; background: #dde5ee; border-radius: 6px; }
QProgressBar::chunk { background: #1f4e79; border-radius: 6px; }
"""


class _Step:
    """One screen of the questionnaire: a question and its choices (value, label)."""

    def __init__(self, key: str, title: str, question: str, choices: Sequence[tuple[object, str]],
                 optional: bool) -> None:
        self.key, self.title, self.question, self.choices, self.optional = key, title, question, choices, optional


class KioskWindow(QWidget):
    """Full-screen questionnaire for one survey.

    Signals:
        response_saved(str response_id)
        exit_requested(): the admin's password was given; the kiosk may close.
    """

    response_saved = Signal(str)
    exit_requested = Signal()

    def __init__(self, db: Database, user: CurrentUser, survey: SurveyView,
                 verify_password: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.setWindowTitle(self.tr("Survei Kepuasan Masyarakat"))
        self._db, self._user, self._survey, self._verify = db, user, survey, verify_password
        self._unlocked = False
        self._answers: dict[str, object] = {}
        self._index = 0
        self._steps = self._build_steps()
        self._stack = QStackedWidget(self)
        self._welcome = self._welcome_page()
        self._question = self._question_page()
        self._thanks = self._thanks_page()
        for page in (self._welcome, self._question, self._thanks):
            self._stack.addWidget(page)
        self._exit = QPushButton(self.tr("Keluar (petugas)"), self)
        self._exit.setObjectName("kioskExit")
        self._exit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._exit.clicked.connect(self._ask_exit)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self._exit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 8, 24, 24)
        layout.addLayout(top)
        layout.addWidget(self._stack, 1)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_RESET_S * 1000)
        self._idle.timeout.connect(self.reset)
        self._thanks_timer = QTimer(self)
        self._thanks_timer.setSingleShot(True)
        self._thanks_timer.setInterval(THANKS_S * 1000)
        self._thanks_timer.timeout.connect(self.reset)
        self.installEventFilter(self)
        self._rescale()

    # ------------------------------------------------------------------ content

    def _build_steps(self) -> list[_Step]:
        steps: list[_Step] = []
        if self._survey.services:
            steps.append(_Step("layanan", self.tr("Tentang Anda"), self.tr("Layanan apa yang Anda terima hari ini?"),
                               [(s, s) for s in self._survey.services], True))
        steps += [
            _Step("usia", self.tr("Tentang Anda"), self.tr("Berapa usia Anda?"),
                  [("<25", self.tr("Di bawah 25 tahun")), ("25-34", self.tr("25-34 tahun")),
                   ("35-44", self.tr("35-44 tahun")), ("45-54", self.tr("45-54 tahun")),
                   ("55+", self.tr("55 tahun ke atas"))], True),
            _Step("jenis_kelamin", self.tr("Tentang Anda"), self.tr("Jenis kelamin Anda?"),
                  [("L", self.tr("Laki-laki")), ("P", self.tr("Perempuan"))], True),
            _Step("pendidikan", self.tr("Tentang Anda"), self.tr("Pendidikan terakhir Anda?"),
                  [("SD", self.tr("SD ke bawah")), ("SMP", self.tr("SMP")), ("SMA", self.tr("SMA/sederajat")),
                   ("DIPLOMA", self.tr("D1/D2/D3/D4")), ("S1", self.tr("S1")), ("S2", self.tr("S2 ke atas"))], True),
            _Step("pekerjaan", self.tr("Tentang Anda"), self.tr("Pekerjaan Anda?"),
                  [("PNS", self.tr("PNS")), ("TNI", self.tr("TNI")), ("POLRI", self.tr("Polri")),
                   ("SWASTA", self.tr("Pegawai swasta")), ("WIRAUSAHA", self.tr("Wirausaha")),
                   ("PELAJAR", self.tr("Pelajar/Mahasiswa")), ("LAINNYA", self.tr("Lainnya"))], True),
        ]
        for n, unsur in enumerate(skm.UNSUR, start=1):
            steps.append(_Step(unsur.code, self.tr("Pertanyaan %1 dari 9").replace("%1", str(n)),
                               self._question_text(unsur.code),
                               list(zip(skm.ANSWER_VALUES, self._answer_texts(unsur.code), strict=True)), False))
        return steps

    def _question_text(self, code: str) -> str:
        return {
            "U1": self.tr("Apakah persyaratan pelayanan sesuai dengan jenis pelayanannya?"),
            "U2": self.tr("Seberapa mudah prosedur pelayanan di unit ini?"),
            "U3": self.tr("Seberapa cepat waktu pelayanan yang Anda terima?"),
            "U4": self.tr("Bagaimana kewajaran biaya/tarif pelayanan ini?"),
            "U5": self.tr("Apakah hasil pelayanan sesuai dengan yang tercantum dalam standar pelayanan?"),
            "U6": self.tr("Bagaimana kemampuan (kompetensi) petugas dalam melayani?"),
            "U7": self.tr("Bagaimana kesopanan dan keramahan petugas?"),
            "U8": self.tr("Bagaimana kualitas sarana dan prasarana (ruang tunggu, fasilitas)?"),
            "U9": self.tr("Bagaimana penanganan pengaduan, saran dan masukan di unit ini?"),
        }[code]

    def _answer_texts(self, code: str) -> list[str]:
        return {
            "U1": [self.tr("Tidak sesuai"), self.tr("Kurang sesuai"), self.tr("Sesuai"), self.tr("Sangat sesuai")],
            "U2": [self.tr("Tidak mudah"), self.tr("Kurang mudah"), self.tr("Mudah"), self.tr("Sangat mudah")],
            "U3": [self.tr("Tidak cepat"), self.tr("Kurang cepat"), self.tr("Cepat"), self.tr("Sangat cepat")],
            "U4": [self.tr("Sangat mahal"), self.tr("Cukup mahal"), self.tr("Murah"), self.tr("Gratis")],
            "U5": [self.tr("Tidak sesuai"), self.tr("Kurang sesuai"), self.tr("Sesuai"), self.tr("Sangat sesuai")],
            "U6": [self.tr("Tidak kompeten"), self.tr("Kurang kompeten"), self.tr("Kompeten"),
                   self.tr("Sangat kompeten")],
            "U7": [self.tr("Tidak sopan dan ramah"), self.tr("Kurang sopan dan ramah"), self.tr("Sopan dan ramah"),
                   self.tr("Sangat sopan dan ramah")],
            "U8": [self.tr("Buruk"), self.tr("Cukup"), self.tr("Baik"), self.tr("Sangat baik")],
            "U9": [self.tr("Tidak ada"), self.tr("Ada tetapi tidak berfungsi"), self.tr("Berfungsi kurang maksimal"),
                   self.tr("Dikelola dengan baik")],
        }[code]

    # ------------------------------------------------------------------ pages

    def _welcome_page(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Survei Kepuasan Masyarakat"), page)
        title.setObjectName("kioskTitle")
        unit = QLabel(self._survey.unit_name, page)
        unit.setObjectName("kioskQuestion")
        hint = QLabel(self.tr("Bantu kami memperbaiki pelayanan. Sembilan pertanyaan singkat, tanpa nama; "
                              "sentuh jawaban yang paling sesuai."), page)
        hint.setObjectName("kioskHint")
        start = QPushButton(self.tr("Mulai"), page)
        start.setObjectName("kioskPrimary")
        start.clicked.connect(self.start)
        self._start_button = start
        for label in (title, unit, hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        box = QVBoxLayout(page)
        box.addStretch(2)
        box.addWidget(title)
        box.addWidget(unit)
        box.addSpacing(12)
        box.addWidget(hint)
        box.addStretch(1)
        box.addWidget(start, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self._welcome_labels = (title, unit, hint)
        return page

    def _question_page(self) -> QWidget:
        page = QWidget(self)
        self._progress = QProgressBar(page)
        self._progress.setTextVisible(False)
        self._progress.setFixedHeight(12)
        self._step_title = QLabel(page)
        self._step_title.setObjectName("kioskHint")
        self._step_text = QLabel(page)
        self._step_text.setObjectName("kioskQuestion")
        self._step_text.setWordWrap(True)
        self._choices = QWidget(page)
        self._choice_grid = QGridLayout(self._choices)
        self._choice_grid.setSpacing(14)
        self._back = QPushButton(self.tr("Kembali"), page)
        self._back.setObjectName("kioskSecondary")
        self._back.clicked.connect(self.back)
        self._skip = QPushButton(self.tr("Lewati"), page)
        self._skip.setObjectName("kioskSecondary")
        self._skip.clicked.connect(lambda: self.choose(None))
        nav = QHBoxLayout()
        nav.addWidget(self._back)
        nav.addStretch(1)
        nav.addWidget(self._skip)
        box = QVBoxLayout(page)
        box.addWidget(self._progress)
        box.addSpacing(8)
        box.addWidget(self._step_title)
        box.addWidget(self._step_text)
        box.addSpacing(12)
        box.addWidget(self._choices, 1)
        box.addLayout(nav)
        return page

    def _thanks_page(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Terima kasih!"), page)
        title.setObjectName("kioskTitle")
        text = QLabel(self.tr("Jawaban Anda sudah tersimpan dan membantu kami memperbaiki pelayanan."), page)
        text.setObjectName("kioskQuestion")
        again = QPushButton(self.tr("Selesai"), page)
        again.setObjectName("kioskPrimary")
        again.clicked.connect(self.reset)
        self._done_button = again
        for label in (title, text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        box = QVBoxLayout(page)
        box.addStretch(2)
        box.addWidget(title)
        box.addWidget(text)
        box.addStretch(1)
        box.addWidget(again, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self._thanks_labels = (title, text)
        return page

    # ------------------------------------------------------------------ flow

    @Slot()
    def start(self) -> None:
        self._answers.clear()
        self._index = 0
        self._show_step()

    @Slot()
    def reset(self) -> None:
        """Back to the welcome screen; whatever was answered and not saved is forgotten."""
        self._answers.clear()
        self._index = 0
        self._idle.stop()
        self._thanks_timer.stop()
        self._stack.setCurrentWidget(self._welcome)

    @Slot()
    def back(self) -> None:
        if self._index == 0:
            self.reset()
            return
        self._index -= 1
        self._show_step()

    def choose(self, value: object) -> None:
        step = self._steps[self._index]
        self._answers[step.key] = value
        if self._index + 1 < len(self._steps):
            self._index += 1
            self._show_step()
        else:
            self._save()

    def _show_step(self) -> None:
        step = self._steps[self._index]
        self._progress.setRange(0, len(self._steps))
        self._progress.setValue(self._index + 1)
        self._step_title.setText(step.title)
        self._step_text.setText(step.question)
        while self._choice_grid.count():
            item = self._choice_grid.takeAt(0)
            old = item.widget()
            if old is not None:  # hidden at once: the next screen never shows the last one's buttons
                old.hide()
                old.deleteLater()
        columns = 2 if len(step.choices) > 4 else 1
        for i, (value, label) in enumerate(step.choices):
            button = QPushButton(label, self._choices)
            button.setObjectName("kioskAnswer")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setFont(self._font(0.034))
            button.clicked.connect(lambda _=False, v=value: self.choose(v))
            self._choice_grid.addWidget(button, i // columns, i % columns)
            button.show()
        self._skip.setVisible(step.optional)
        self._stack.setCurrentWidget(self._question)
        self._idle.start()

    def _save(self) -> None:
        a = self._answers
        profile = Profile(usia=a.get("usia"), jenis_kelamin=a.get("jenis_kelamin"),  # type: ignore[arg-type]
                          pendidikan=a.get("pendidikan"), pekerjaan=a.get("pekerjaan"),  # type: ignore[arg-type]
                          layanan=str(a.get("layanan") or ""))
        answers = {code: a[code] for code in skm.UNSUR_CODES}
        try:
            rid = record_response(self._db, self._user, self._survey.id, answers, profile)
        except KinerjaError as exc:
            QMessageBox.warning(self, self.tr("Tidak tersimpan"),
                                self.tr("Jawaban tidak dapat disimpan: %1 Mohon beri tahu petugas.")
                                .replace("%1", str(exc)))
            self.reset()
            return
        self._answers.clear()
        self._idle.stop()
        self._stack.setCurrentWidget(self._thanks)
        self._thanks_timer.start()
        self.response_saved.emit(rid)

    # ------------------------------------------------------------------ leaving

    @Slot()
    def _ask_exit(self) -> None:
        password, ok = QInputDialog.getText(
            self, self.tr("Keluar dari kios"),
            self.tr("Kata sandi admin %1:").replace("%1", self._user.username), QLineEdit.EchoMode.Password)
        if ok and password and self._verify(password):
            self._unlocked = True
            self.exit_requested.emit()
            self.close()
        elif ok:
            QMessageBox.warning(self, self.tr("Keluar dari kios"), self.tr("Kata sandi salah."))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._unlocked:
            event.accept()
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # no way out by keyboard
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress) \
                and self._stack.currentWidget() is self._question:
            self._idle.start()
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ sizes

    def _font(self, share: float, bold: bool = False):  # type: ignore[no-untyped-def]
        font = self.font()
        font.setPixelSize(max(14, int(self.height() * share)))
        font.setBold(bold)
        return font

    def _rescale(self) -> None:
        title, unit, hint = self._welcome_labels
        title.setFont(self._font(0.06, True))
        unit.setFont(self._font(0.045))
        hint.setFont(self._font(0.03))
        self._start_button.setFont(self._font(0.045, True))
        self._start_button.setMinimumSize(int(self.width() * 0.3), int(self.height() * 0.12))
        self._step_title.setFont(self._font(0.028))
        self._step_text.setFont(self._font(0.042, True))
        for button in self._choices.findChildren(QPushButton):
            button.setFont(self._font(0.034))
        for button in (self._back, self._skip, self._exit):
            button.setFont(self._font(0.026))
        t_title, t_text = self._thanks_labels
        self._done_button.setFont(self._font(0.045, True))
        self._done_button.setMinimumSize(int(self.width() * 0.3), int(self.height() * 0.12))
        t_title.setFont(self._font(0.07, True))
        t_text.setFont(self._font(0.04))

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._rescale()

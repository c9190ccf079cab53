"""The pola distribusi chart: employees per predikat (Sangat Kurang .. Sangat Baik, the
regulation's order) with the bounds of the kurva distribusi for the unit's predikat."""

from __future__ import annotations

import math
from fractions import Fraction

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from kinerja_desktop.domain.penilaian import (
    DEFAULT_CURVE_RULES,
    PREDIKAT_ORDER_CHART,
    CurveRule,
    Predikat,
    PredikatOrganisasi,
    parse_curve_rules,
)
from kinerja_desktop.ui.form_support.labels import tr_label


def percent(value: Fraction) -> str:
    text = f"{float(value) * 100:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def _names(predikat: tuple[Predikat, ...], joiner: str) -> str:
    labels = [tr_label(p.label) for p in predikat]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + f" {joiner} " + labels[-1]


def describe_rule(rule: CurveRule) -> str:
    """One rule of the curve in words, e.g. 'Predikat Baik paling banyak 70%'."""
    either = QCoreApplication.translate("distribution_chart", "atau")
    both = QCoreApplication.translate("distribution_chart", "dan")
    if rule.kind == "at_least_one":
        return QCoreApplication.translate("distribution_chart", "Paling sedikit satu pegawai berpredikat {0}").format(
            _names(rule.predikat, either))
    if rule.kind == "max":
        if rule.bound == 0:
            return QCoreApplication.translate("distribution_chart", "Tidak boleh ada pegawai berpredikat {0}").format(
                _names(rule.predikat, either))
        return QCoreApplication.translate("distribution_chart", "Predikat {0} paling banyak {1} pegawai").format(
            _names(rule.predikat, both), percent(rule.bound))
    together = QCoreApplication.translate("distribution_chart", " bersama-sama") if len(rule.predikat) > 1 else ""
    return QCoreApplication.translate("distribution_chart", "Predikat {0}{1} paling sedikit {2} pegawai").format(
        _names(rule.predikat, both), together, percent(rule.bound))


def two_line_labels(labels: list[str], longer_than: int) -> list[str]:
    """Category labels longer than ``longer_than`` characters on two lines (at the first space, else after
    a slash: "Kurang/<br>Misconduct") instead of elided by the chart."""
    return [(label.replace(" ", "<br>", 1) if " " in label else label.replace("/", "/<br>", 1))
            if len(label) > longer_than else label for label in labels]


def rules_for(org: str | None) -> tuple[CurveRule, ...]:
    return parse_curve_rules(DEFAULT_CURVE_RULES, PredikatOrganisasi(org)) if org else ()


class DistributionChart(QChartView):
    """Bars of employees per predikat; bars breaking a rule are red; bound markers from the curve."""

    BAR = QColor("#4a7bb7")
    BROKEN = QColor("#c5221f")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("distributionChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(250)
        self.counts: list[int] = [0] * len(PREDIKAT_ORDER_CHART)
        self.categories = [tr_label(p.label) for p in PREDIKAT_ORDER_CHART]
        self.broken: set[Predikat] = set()
        self.set_data({}, None, set())

    def set_data(self, counts: dict[Predikat, int], org: str | None, broken: set[Predikat], title: str = "") -> None:
        """Draw ``counts``; ``broken`` predikat are coloured as breaking the curve of ``org``."""
        self.counts = [int(counts.get(p, 0)) for p in PREDIKAT_ORDER_CHART]
        self.broken = set(broken)
        total = sum(self.counts)
        chart = QChart()
        chart.setTitle(title)
        title_font = QFont(self.font())
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        bars = QBarSet(self.tr("Jumlah pegawai"))
        bars.setColor(self.BAR)
        bars.setLabelColor(QColor("#202124"))
        bars.setSelectedColor(self.BROKEN)
        for n, count in enumerate(self.counts):
            bars.append(count)
            if PREDIKAT_ORDER_CHART[n] in self.broken:
                bars.selectBar(n)
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(two_line_labels(self.categories, 15))  # English "Needs improvement" is not elided
        axis_x.setTitleText(self.tr("Predikat kinerja pegawai"))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        axis_x.setLabelsFont(small)
        axis_y = QValueAxis()
        axis_y.setTitleText(self.tr("Frekuensi Pegawai"))
        axis_y.setLabelFormat("%d")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        top = max(self.counts + [1])
        for rule in rules_for(org):
            if rule.kind not in ("max", "min") or len(rule.predikat) != 1 or total == 0:
                continue
            limit = rule.bound * total
            count = math.floor(limit) if rule.kind == "max" else math.ceil(limit)
            marker = QScatterSeries()
            marker.setName(self.tr("Batas paling banyak") if rule.kind == "max" else self.tr("Batas paling sedikit"))
            marker.setMarkerShape(
                QScatterSeries.MarkerShape.MarkerShapeTriangle
                if rule.kind == "min"
                else QScatterSeries.MarkerShape.MarkerShapeRectangle
            )
            marker.setMarkerSize(11)
            marker.setColor(QColor("#e37400") if rule.kind == "max" else QColor("#188038"))
            # Beside the bar (not on it), so the bar's own value label stays readable.
            marker.append(PREDIKAT_ORDER_CHART.index(rule.predikat[0]) + 0.3, count)
            chart.addSeries(marker)
            marker.attachAxis(axis_x)
            marker.attachAxis(axis_y)
            top = max(top, count)
        upper = max(4, math.ceil(top * 1.15))
        axis_y.setRange(0, upper)
        axis_y.setTickCount(upper + 1 if upper <= 5 else 6)
        if upper > 5:
            axis_y.applyNiceNumbers()
        legend = chart.legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._dedupe_legend(chart)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    @staticmethod
    def _dedupe_legend(chart: QChart) -> None:
        seen: set[str] = set()
        for marker in chart.legend().markers():
            if marker.label() in seen:
                marker.setVisible(False)
            seen.add(marker.label())

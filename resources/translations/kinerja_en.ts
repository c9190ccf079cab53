<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminPage</name>
    <message>
        <source>Akun admin kepegawaian</source>
        <translation>Personnel administrator account</translation>
    </message>
    <message>
        <source>Akun ini mengelola daftar pegawai, akun pengguna dan pengaturan instansi.</source>
        <translation>This account manages the employee roster, user accounts and the agency settings.</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>Membuat akun admin</source>
        <translation>Creating the administrator account</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Membuka database</source>
        <extracomment>Open the database anyway if the sign-in window was not painted by then (e.g. started minimised).</extracomment>
        <translation>Opening the database</translation>
    </message>
    <message>
        <source>Menyiapkan daftar</source>
        <translation>Preparing the list</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Memuat daftar</source>
        <translation>Loading the list</translation>
    </message>
    <message>
        <source>Memuat ulang</source>
        <translation>Reloading</translation>
    </message>
</context>
<context>
    <name>DemoPage</name>
    <message>
        <source>Kantor demo</source>
        <translation>Demo office</translation>
    </message>
    <message>
        <source>Membuat instansi contoh dengan unit kerja, pegawai, SKP, realisasi dan evaluasi.</source>
        <translation>Creates a sample agency with work units, employees, SKP plans, realisations and evaluations.</translation>
    </message>
    <message>
        <source> pegawai</source>
        <translation> employees</translation>
    </message>
    <message>
        <source>&amp;Buat Kantor Demo</source>
        <translation>&amp;Build Demo Office</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Jumlah pegawai</source>
        <translation>&amp;Number of employees</translation>
    </message>
    <message>
        <source>&amp;Tahun penilaian</source>
        <translation>Appraisal &amp;year</translation>
    </message>
    <message>
        <source>Membuat kantor demo…</source>
        <translation>Building the demo office…</translation>
    </message>
    <message>
        <source>Membuat kantor demo</source>
        <translation>Building the demo office</translation>
    </message>
    <message>
        <source>Dibatalkan; database tetap kosong.</source>
        <translation>Cancelled; the database is still empty.</translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Kantor demo tahun {0} siap: {1} pegawai di {2} unit kerja, {3} SKP, {4} evaluasi.</source>
        <translation>Demo office for {0} ready: {1} employees in {2} work units, {3} SKP plans, {4} evaluations.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Siap dipakai</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Kantor demo siap. Masuk sebagai &lt;b&gt;admin&lt;/b&gt; dengan kata sandi &lt;b&gt;admin&lt;/b&gt;, atau sebagai pegawai dengan NIP sebagai nama pengguna dan kata sandi.</source>
        <translation>The demo office is ready. Sign in as &lt;b&gt;admin&lt;/b&gt; with password &lt;b&gt;admin&lt;/b&gt;, or as an employee with the NIP as user name and password.</translation>
    </message>
    <message>
        <source>Kantor siap. Masuk sebagai &lt;b&gt;{0}&lt;/b&gt; dengan kata sandi yang baru Anda buat. Akun pegawai dibuat dari menu Berkas setelah daftar pegawai diimpor.</source>
        <translation>The office is ready. Sign in as &lt;b&gt;{0}&lt;/b&gt; with the password you just chose. Employee accounts are created from the File menu once the roster is imported.</translation>
    </message>
</context>
<context>
    <name>EmployeeListPage</name>
    <message>
        <source>Cari nama, NIP atau jabatan… (Ctrl+F)</source>
        <extracomment>Pause after the last keystroke before filtering (fast typists do not pay for every letter).</extracomment>
        <translation>Search name, NIP or position… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Cari pegawai</source>
        <translation>Search employees</translation>
    </message>
    <message>
        <source>Daftar pegawai</source>
        <translation>Employee list</translation>
    </message>
    <message>
        <source>memuat…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <source>{0} pegawai</source>
        <translation>{0} employees</translation>
    </message>
    <message>
        <source>{0} dari {1} pegawai</source>
        <translation>{0} of {1} employees</translation>
    </message>
    <message>
        <source>Tidak ada pegawai yang cocok dengan “{0}”.
Periksa ejaan, atau cari dengan NIP atau jabatan.</source>
        <translation>No employee matches “{0}”.
Check the spelling, or search by NIP or position.</translation>
    </message>
    <message>
        <source>Tidak ada pegawai untuk ditampilkan di sini.</source>
        <translation>No employees to show here.</translation>
    </message>
</context>
<context>
    <name>EmployeeTableModel</name>
    <message>
        <source>Nama</source>
        <extracomment>The employee id of a row (what a view opens on Enter).</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Unit Kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <source>Status SKP</source>
        <translation>SKP status</translation>
    </message>
    <message>
        <source>Status Evaluasi</source>
        <translation>Evaluation status</translation>
    </message>
    <message>
        <source>Predikat</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Belum</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Belum ada</source>
        <translation>None yet</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Diajukan</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Dikembalikan</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Ditandatangani</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Sangat Baik</source>
        <translation>Very good</translation>
    </message>
    <message>
        <source>Baik</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>Butuh Perbaikan</source>
        <translation>Needs improvement</translation>
    </message>
    <message>
        <source>Kurang/Misconduct</source>
        <translation>Poor/Misconduct</translation>
    </message>
    <message>
        <source>Sangat Kurang</source>
        <translation>Very poor</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Penyiapan Awal — Kinerja Desktop</source>
        <translation>First-Time Setup — Kinerja Desktop</translation>
    </message>
    <message>
        <source>&lt; &amp;Kembali</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Lanjut &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&amp;Selesai</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>InstansiPage</name>
    <message>
        <source>Data instansi</source>
        <translation>Agency details</translation>
    </message>
    <message>
        <source>Tampil di kepala setiap lembar SKP dan evaluasi yang dicetak.</source>
        <translation>Shown in the heading of every printed SKP and evaluation sheet.</translation>
    </message>
    <message>
        <source>mis. PEMERINTAH KABUPATEN SLEMAN</source>
        <translation>e.g. PEMERINTAH KABUPATEN SLEMAN</translation>
    </message>
    <message>
        <source>&amp;Nama instansi</source>
        <translation>Agency &amp;name</translation>
    </message>
    <message>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>kota tempat penandatanganan, mis. Sleman</source>
        <translation>city where sheets are signed, e.g. Sleman</translation>
    </message>
    <message>
        <source>&amp;Kota</source>
        <translation>&amp;City</translation>
    </message>
    <message>
        <source>belum ada</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Pilih &amp;Logo…</source>
        <translation>Choose &amp;Logo…</translation>
    </message>
    <message>
        <source>Logo (PNG/JPEG)</source>
        <translation>Logo (PNG/JPEG)</translation>
    </message>
    <message>
        <source>Pilih logo instansi</source>
        <translation>Choose the agency logo</translation>
    </message>
    <message>
        <source>Gambar (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>bukan gambar</source>
        <translation>not an image</translation>
    </message>
    <message>
        <source>Nama instansi wajib diisi.</source>
        <translation>The agency name is required.</translation>
    </message>
    <message>
        <source>Menyimpan data instansi</source>
        <translation>Saving the agency details</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Layar terkunci</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>Masukkan kata sandi untuk melanjutkan, atau ganti pengguna bila PC ini dipakai orang lain.</source>
        <translation>Enter your password to continue, or switch user if someone else uses this PC.</translation>
    </message>
    <message>
        <source>kata sandi</source>
        <translation>password</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Buka Kunci</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>&amp;Ganti Pengguna</source>
        <translation>&amp;Switch User</translation>
    </message>
    <message>
        <source>Isi kata sandi.</source>
        <translation>Enter the password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Lihat</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Pegawai</source>
        <translation>&amp;Employee</translation>
    </message>
    <message>
        <source>&amp;Dokumen</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <source>&amp;Sinkronisasi</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <source>&amp;Alat</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>Ban&amp;tuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Kinerja Desktop</source>
        <translation>Kinerja Desktop</translation>
    </message>
    <message>
        <source>Daftar Pegawai</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Kinerja Desktop — {0}</source>
        <translation>Kinerja Desktop — {0}</translation>
    </message>
    <message>
        <source>Kinerja ASN</source>
        <translation>ASN performance</translation>
    </message>
    <message>
        <source>Masuk sebagai {0}</source>
        <translation>Signed in as {0}</translation>
    </message>
    <message>
        <source>&amp;Ganti Pengguna…</source>
        <translation>&amp;Switch User…</translation>
    </message>
    <message>
        <source>Keluar dari akun ini dan masuk sebagai pengguna lain</source>
        <translation>Sign out and sign in as another user</translation>
    </message>
    <message>
        <source>&amp;Kunci Layar</source>
        <translation>&amp;Lock Screen</translation>
    </message>
    <message>
        <source>Sembunyikan data sampai kata sandi dimasukkan lagi</source>
        <translation>Hide all data until the password is entered again</translation>
    </message>
    <message>
        <source>&amp;Pengaturan…</source>
        <translation>S&amp;ettings…</translation>
    </message>
    <message>
        <source>Bahasa, kunci layar, data instansi</source>
        <translation>Language, screen lock, agency details</translation>
    </message>
    <message>
        <source>&amp;Impor Daftar Pegawai…</source>
        <translation>&amp;Import Employee Roster…</translation>
    </message>
    <message>
        <source>Unit kerja, pegawai dan pejabat penilai dari berkas Excel atau CSV</source>
        <translation>Work units, employees and appraising officials from an Excel or CSV file</translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Tutup aplikasi</source>
        <translation>Close the application</translation>
    </message>
    <message>
        <source>&amp;Cari Pegawai</source>
        <translation>&amp;Find Employee</translation>
    </message>
    <message>
        <source>Cari menurut nama, NIP atau jabatan</source>
        <translation>Search by name, NIP or position</translation>
    </message>
    <message>
        <source>&amp;Muat Ulang</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>Muat ulang daftar dari database</source>
        <translation>Reload the list from the database</translation>
    </message>
    <message>
        <source>Panel &amp;Navigasi</source>
        <translation>&amp;Navigation Pane</translation>
    </message>
    <message>
        <source>&amp;Tutup Tab</source>
        <translation>&amp;Close Tab</translation>
    </message>
    <message>
        <source>Tab &amp;Berikutnya</source>
        <translation>Ne&amp;xt Tab</translation>
    </message>
    <message>
        <source>Tab Se&amp;belumnya</source>
        <translation>Pre&amp;vious Tab</translation>
    </message>
    <message>
        <source>&amp;Buka Pegawai</source>
        <translation>&amp;Open Employee</translation>
    </message>
    <message>
        <source>Buka SKP, realisasi dan evaluasi pegawai terpilih</source>
        <translation>Open the selected employee’s SKP, realisation and evaluation</translation>
    </message>
    <message>
        <source>&amp;SKP Saya</source>
        <translation>&amp;My SKP</translation>
    </message>
    <message>
        <source>Buka SKP Anda sendiri</source>
        <translation>Open your own SKP</translation>
    </message>
    <message>
        <source>Tampilan &amp;Unit</source>
        <translation>&amp;Unit View</translation>
    </message>
    <message>
        <source>Rekap predikat dan kurva distribusi unit terpilih</source>
        <translation>Rating summary and distribution curve of the selected unit</translation>
    </message>
    <message>
        <source>&amp;Pintasan Keyboard</source>
        <translation>&amp;Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>&amp;Tentang Kinerja Desktop</source>
        <translation>&amp;About Kinerja Desktop</translation>
    </message>
    <message>
        <source>Bilah Alat</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Tahun </source>
        <translation>Year </translation>
    </message>
    <message>
        <source>Tahun penilaian</source>
        <translation>Appraisal year</translation>
    </message>
    <message>
        <source>  Periode </source>
        <translation>  Period </translation>
    </message>
    <message>
        <source>Periode evaluasi</source>
        <translation>Evaluation period</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <source>Sinkronisasi: belum diatur</source>
        <translation>Sync: not set up</translation>
    </message>
    <message>
        <source>Sinkronisasi dengan kantor pusat belum diatur di PC ini.</source>
        <translation>Synchronisation with the central office is not set up on this PC.</translation>
    </message>
    <message>
        <source>Menyiapkan menu</source>
        <translation>Preparing the menus</translation>
    </message>
    <message>
        <source>Sebagian fitur tidak dapat dimuat ({0}).</source>
        <translation>Some features could not be loaded ({0}).</translation>
    </message>
    <message>
        <source>Admin Kepegawaian</source>
        <translation>Personnel administrator</translation>
    </message>
    <message>
        <source>Pejabat Penilai Kinerja</source>
        <translation>Appraising official</translation>
    </message>
    <message>
        <source>Pegawai</source>
        <translation>Employee</translation>
    </message>
    <message>
        <source>Halaman SKP, realisasi dan evaluasi belum terpasang pada versi ini.</source>
        <translation>The SKP, realisation and evaluation pages are not installed in this version.</translation>
    </message>
    <message>
        <source>Pegawai tidak dapat dibuka</source>
        <translation>The employee cannot be opened</translation>
    </message>
    <message>
        <source>Pilih pegawai di daftar terlebih dahulu.</source>
        <translation>Select an employee in the list first.</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Tampilan unit belum terpasang pada versi ini.</source>
        <translation>The unit view is not installed in this version.</translation>
    </message>
    <message>
        <source>Unit tidak dapat dibuka</source>
        <translation>The unit cannot be opened</translation>
    </message>
    <message>
        <source>Pilih unit di panel navigasi terlebih dahulu.</source>
        <translation>Select a unit in the navigation pane first.</translation>
    </message>
    <message>
        <source>Bawahan Saya</source>
        <translation>My Staff</translation>
    </message>
    <message>
        <source>Status Saya</source>
        <translation>My Status</translation>
    </message>
    <message>
        <source>Semua Pegawai</source>
        <translation>All Employees</translation>
    </message>
    <message>
        <source>Semua Bawahan</source>
        <translation>All My Staff</translation>
    </message>
    <message>
        <source>Memuat daftar pegawai</source>
        <translation>Loading the employee list</translation>
    </message>
    <message>
        <source>Daftar pegawai tidak dapat dimuat</source>
        <translation>The employee list cannot be loaded</translation>
    </message>
    <message>
        <source>{0} ({1}) sedang masuk.</source>
        <translation>{0} ({1}) is signed in.</translation>
    </message>
    <message>
        <source>Memeriksa kata sandi</source>
        <translation>Checking the password</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Memuat unit kerja</source>
        <translation>Loading the work units</translation>
    </message>
    <message>
        <source>Buka pegawai di daftar</source>
        <translation>Open the employee in the list</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Pintasan Keyboard</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>Tentang Kinerja Desktop</source>
        <translation>About Kinerja Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kinerja Desktop&lt;/b&gt; {0}&lt;br&gt;Pengelolaan kinerja pegawai ASN menurut PermenPAN-RB Nomor 6 Tahun 2022.&lt;br&gt;Bekerja tanpa jaringan; sinkron dengan kantor pusat bila ada koneksi.</source>
        <translation>&lt;b&gt;Kinerja Desktop&lt;/b&gt; {0}&lt;br&gt;Performance management of ASN civil servants under PermenPAN-RB No. 6 of 2022.&lt;br&gt;Works offline; syncs with the central office whenever a connection exists.</translation>
    </message>
    <message>
        <source>Pekerjaan masih berjalan</source>
        <translation>Work still running</translation>
    </message>
    <message>
        <source>{0} masih berjalan. Batalkan dan tutup?</source>
        <translation>{0} is still running. Cancel it and close?</translation>
    </message>
    <message>
        <source>Batalkan dan Tutup</source>
        <translation>Cancel and Close</translation>
    </message>
    <message>
        <source>Tetap Buka</source>
        <translation>Keep Open</translation>
    </message>
</context>
<context>
    <name>NavigationPane</name>
    <message>
        <source>Navigasi</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Unit Kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <source>Cari unit kerja…</source>
        <translation>Find a work unit…</translation>
    </message>
    <message>
        <source>Pohon unit kerja</source>
        <translation>Work unit tree</translation>
    </message>
    <message>
        <source>Buka &amp;Tampilan Unit</source>
        <translation>Open &amp;Unit View</translation>
    </message>
    <message>
        <source>SKP Saya</source>
        <translation>My SKP</translation>
    </message>
    <message>
        <source>Rencana, realisasi dan evaluasi kinerja Anda sendiri</source>
        <translation>Your own plan, realisation and evaluation</translation>
    </message>
    <message>
        <source>Bawahan Saya</source>
        <translation>My Staff</translation>
    </message>
    <message>
        <source>Pegawai yang Anda nilai sebagai pejabat penilai kinerja</source>
        <translation>Employees you appraise as appraising official</translation>
    </message>
    <message>
        <source>Semua Bawahan</source>
        <translation>All My Staff</translation>
    </message>
    <message>
        <source>Bawahan langsung dan bawahan dari bawahan Anda</source>
        <translation>Your direct staff and their staff</translation>
    </message>
    <message>
        <source>Semua Pegawai</source>
        <translation>All Employees</translation>
    </message>
    <message>
        <source>Seluruh pegawai instansi</source>
        <translation>Every employee of the agency</translation>
    </message>
    <message>
        <source>Status Saya</source>
        <translation>My Status</translation>
    </message>
    <message>
        <source>Status SKP dan evaluasi Anda</source>
        <translation>The status of your SKP and evaluation</translation>
    </message>
</context>
<context>
    <name>PdfPreviewWindow</name>
    <message>
        <source>Pratinjau Cetak — %1</source>
        <translation>Print Preview — %1</translation>
    </message>
    <message>
        <source>Pratinjau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>&amp;Cetak…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Simpan PDF…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <source>Perbesar</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <source>Perkecil</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <source>Selebar halaman</source>
        <translation>Fit Width</translation>
    </message>
    <message>
        <source>PDF tidak dapat dibuka: %1</source>
        <translation>The PDF cannot be opened: %1</translation>
    </message>
    <message>
        <source>Halaman %1 dari %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <source>Cetak Dokumen</source>
        <translation>Print Documents</translation>
    </message>
    <message>
        <source>Pegawai ini: %1</source>
        <translation>This employee: %1</translation>
    </message>
    <message>
        <source>Pegawai ini (tidak ada yang dipilih)</source>
        <translation>This employee (none selected)</translation>
    </message>
    <message>
        <source>Pegawai terpilih (%1)</source>
        <translation>Selected employees (%1)</translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation>Unit: %1</translation>
    </message>
    <message>
        <source>Unit (buka tampilan unit terlebih dahulu)</source>
        <translation>Unit (open the unit view first)</translation>
    </message>
    <message>
        <source>Sertakan sub-unit</source>
        <translation>Include sub-units</translation>
    </message>
    <message>
        <source>Setiap dokumen mulai di halaman ganjil (cetak bolak-balik)</source>
        <translation>Start every document on an odd page (duplex printing)</translation>
    </message>
    <message>
        <source>Pratinjau lalu cetak</source>
        <translation>Preview, then print</translation>
    </message>
    <message>
        <source>Simpan sebagai satu PDF…</source>
        <translation>Save as one PDF…</translation>
    </message>
    <message>
        <source>Simpan satu PDF per pegawai ke folder…</source>
        <translation>Save one PDF per employee to a folder…</translation>
    </message>
    <message>
        <source>Jenis dokumen</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>Blanko untuk</source>
        <translation>Blank form for</translation>
    </message>
    <message>
        <source>Cakupan</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Tahun dan periode</source>
        <translation>Year and period</translation>
    </message>
    <message>
        <source>Kertas</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Penetapan predikat kinerja dicetak per unit: buka tampilan unit terlebih dahulu.</source>
        <translation>The rating decree is printed per unit: open the unit view first.</translation>
    </message>
    <message>
        <source>Tanpa pegawai terpilih, blanko dicetak kosong sama sekali.</source>
        <translation>With no employee selected, the blank form is printed completely empty.</translation>
    </message>
    <message>
        <source>Folder tujuan</source>
        <translation>Target folder</translation>
    </message>
    <message>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
</context>
<context>
    <name>PrintingIntegration</name>
    <message>
        <source>&amp;Cetak…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Cetak &amp;Blanko…</source>
        <translation>Print &amp;Blank Form…</translation>
    </message>
    <message>
        <source>Mencetak %1</source>
        <translation>Printing %1</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>... dan %1 lainnya</source>
        <translation>... and %1 more</translation>
    </message>
    <message>
        <source>%1

Perlu diperhatikan:
%2</source>
        <translation>%1

Please note:
%2</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>Impor Daftar Pegawai</source>
        <translation>Import Employee Roster</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RosterImportPanel</name>
    <message>
        <source>berkas .xlsx atau .csv</source>
        <translation>.xlsx or .csv file</translation>
    </message>
    <message>
        <source>&amp;Pilih Berkas…</source>
        <translation>&amp;Choose File…</translation>
    </message>
    <message>
        <source>Simpan &amp;Templat…</source>
        <translation>Save &amp;Template…</translation>
    </message>
    <message>
        <source>Simpan berkas kosong dengan judul kolom dan petunjuk pengisian</source>
        <translation>Save an empty file with column headings and filling instructions</translation>
    </message>
    <message>
        <source>Impor baris yang benar dan &amp;lewati baris bermasalah</source>
        <translation>Import the good rows and &amp;skip rows with problems</translation>
    </message>
    <message>
        <source>&amp;Impor</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Hasil pemeriksaan berkas tampil di sini.</source>
        <translation>The result of checking the file appears here.</translation>
    </message>
    <message>
        <source>Tahun pejabat penilai</source>
        <translation>Year of the appraising officials</translation>
    </message>
    <message>
        <source>Pilih daftar pegawai</source>
        <translation>Choose an employee roster</translation>
    </message>
    <message>
        <source>Daftar pegawai (*.xlsx *.csv)</source>
        <translation>Employee roster (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Simpan templat daftar pegawai</source>
        <translation>Save the roster template</translation>
    </message>
    <message>
        <source>Menyimpan templat</source>
        <translation>Saving the template</translation>
    </message>
    <message>
        <source>Templat disimpan di {0}.</source>
        <translation>Template saved as {0}.</translation>
    </message>
    <message>
        <source>Pilih berkas daftar pegawai terlebih dahulu.</source>
        <translation>Choose a roster file first.</translation>
    </message>
    <message>
        <source>Mengimpor…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Impor daftar pegawai</source>
        <translation>Importing the employee roster</translation>
    </message>
    <message>
        <source>Impor dibatalkan; tidak ada yang disimpan.</source>
        <translation>Import cancelled; nothing was saved.</translation>
    </message>
    <message>
        <source>Peringatan:</source>
        <translation>Warnings:</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Daftar pegawai</source>
        <translation>Employee list</translation>
    </message>
    <message>
        <source>Impor unit kerja, pegawai dan pejabat penilai dari berkas Excel atau CSV. Boleh dilewati dan dilakukan nanti dari menu Berkas.</source>
        <translation>Import work units, employees and appraising officials from an Excel or CSV file. You may skip this and do it later from the File menu.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;Bahasa antarmuka</source>
        <translation>Interface &amp;language</translation>
    </message>
    <message>
        <source> menit</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Tidak pernah</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>&amp;Kunci layar setelah tidak aktif</source>
        <translation>&amp;Lock the screen after inactivity</translation>
    </message>
    <message>
        <source>Pengaturan ini berlaku untuk PC ini saja.</source>
        <translation>These settings apply to this PC only.</translation>
    </message>
    <message>
        <source>Umum</source>
        <translation>General</translation>
    </message>
    <message>
        <source>&amp;Nama instansi</source>
        <translation>Agency &amp;name</translation>
    </message>
    <message>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>&amp;Kota</source>
        <translation>&amp;City</translation>
    </message>
    <message>
        <source>Pilih &amp;Logo…</source>
        <translation>Choose &amp;Logo…</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Batas ukuran &amp;bukti dukung</source>
        <translation>&amp;Evidence file size limit</translation>
    </message>
    <message>
        <source>Instansi</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Memuat data instansi…</source>
        <translation>Loading the agency details…</translation>
    </message>
    <message>
        <source>Memuat pengaturan</source>
        <translation>Loading settings</translation>
    </message>
    <message>
        <source>ada logo</source>
        <translation>logo stored</translation>
    </message>
    <message>
        <source>belum ada</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Hanya admin kepegawaian yang dapat mengubah data instansi.</source>
        <translation>Only the personnel administrator can change the agency details.</translation>
    </message>
    <message>
        <source>Pilih logo instansi</source>
        <translation>Choose the agency logo</translation>
    </message>
    <message>
        <source>Gambar (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>bukan gambar</source>
        <translation>not an image</translation>
    </message>
    <message>
        <source>Menyimpan pengaturan</source>
        <translation>Saving settings</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Masuk — Kinerja Desktop</source>
        <translation>Sign In — Kinerja Desktop</translation>
    </message>
    <message>
        <source>Kinerja Desktop</source>
        <translation>Kinerja Desktop</translation>
    </message>
    <message>
        <source>Penilaian Kinerja Pegawai ASN — PermenPAN-RB Nomor 6 Tahun 2022</source>
        <translation>ASN Performance Appraisal — PermenPAN-RB No. 6 of 2022</translation>
    </message>
    <message>
        <source>nama pengguna atau NIP</source>
        <translation>user name or NIP</translation>
    </message>
    <message>
        <source>kata sandi</source>
        <translation>password</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Masuk</source>
        <translation>&amp;Sign In</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Membuka database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <source>Database tidak dapat dibuka.</source>
        <translation>The database cannot be opened.</translation>
    </message>
    <message>
        <source>Isi nama pengguna.</source>
        <translation>Enter the user name.</translation>
    </message>
    <message>
        <source>Isi kata sandi.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <source>Menunggu database dibuka…</source>
        <translation>Waiting for the database…</translation>
    </message>
    <message>
        <source>Memeriksa akun…</source>
        <translation>Checking the account…</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Batalkan pekerjaan latar belakang</source>
        <translation>Cancel the background work</translation>
    </message>
    <message>
        <source> (+{0} lainnya)</source>
        <translation> (+{0} more)</translation>
    </message>
    <message>
        <source>Membatalkan {0}…</source>
        <translation>Cancelling {0}…</translation>
    </message>
</context>
<context>
    <name>UnitTreeModel</name>
    <message>
        <source>{0} (kode {1})</source>
        <extracomment>Number of employees in the unit and all units below it (when counts were given).</extracomment>
        <translation>{0} (code {1})</translation>
    </message>
    <message>
        <source>{0} pegawai</source>
        <translation>{0} employees</translation>
    </message>
    <message>
        <source>Unit Kerja</source>
        <translation>Work unit</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Selamat datang di Kinerja Desktop</source>
        <translation>Welcome to Kinerja Desktop</translation>
    </message>
    <message>
        <source>Database ini masih kosong. Pilih cara memulai.</source>
        <translation>This database is still empty. Choose how to start.</translation>
    </message>
    <message>
        <source>Siapkan &amp;kantor baru: akun admin, data instansi, daftar pegawai</source>
        <translation>Set up a &amp;new office: administrator account, agency details, employee roster</translation>
    </message>
    <message>
        <source>Buka kantor &amp;demo: data contoh yang lengkap untuk latihan</source>
        <translation>Open the &amp;demo office: complete sample data for practice</translation>
    </message>
    <message>
        <source>Kantor demo berisi pegawai, SKP, realisasi dan evaluasi rekaan. Jangan dipakai untuk data sungguhan; buat database baru untuk kantor Anda.</source>
        <translation>The demo office holds made-up employees, SKP plans, realisations and evaluations. Do not use it for real data; make a new database for your office.</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <source>Terjadi kesalahan tak terduga: {0}</source>
        <extracomment>Minimum interval between two progress signals of one task (seconds).</extracomment>
        <translation>An unexpected error occurred: {0}</translation>
    </message>
</context>
</TS>

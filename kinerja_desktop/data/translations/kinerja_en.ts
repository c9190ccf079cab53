<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActingPlansDialog</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Jabatan yang dilaksanakan</source>
        <translation>Acting position</translation>
    </message>
    <message>
        <source>Masa</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Pejabat penilai</source>
        <translation>Appraising official</translation>
    </message>
    <message>
        <source>Status SKP</source>
        <translation>SKP status</translation>
    </message>
    <message>
        <source>SKP Plt./Plh. Tahun {0}</source>
        <translation>Acting (Plt./Plh.) SKP {0}</translation>
    </message>
    <message>
        <source>SKP pegawai yang melaksanakan tugas sebagai Plt./Plh.: dinilai pejabat penilai jabatan yang dilaksanakan, di samping SKP definitifnya. Buka untuk menyetujui, mengisi realisasi, mengevaluasi atau menandatanganinya.</source>
        <translation>SKP of employees acting in another position (Plt./Plh.): appraised by the appraising official of the acting position, beside their definitive SKP. Open one to approve it, fill in realisations, evaluate or sign it.</translation>
    </message>
    <message>
        <source>Buka SKP</source>
        <translation>Open SKP</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Tidak ada SKP Plt./Plh. yang Anda nilai atau laksanakan pada tahun {0}.</source>
        <translation>No acting (Plt./Plh.) SKP that you appraise or hold in {0}.</translation>
    </message>
    <message>
        <source>Pilih SKP-nya dahulu.</source>
        <translation>Choose the SKP first.</translation>
    </message>
</context>
<context>
    <name>ActionPlanPage</name>
    <message>
        <source>Rencana Aksi {0}</source>
        <translation>Action Plans {0}</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Salin ke periode berikutnya</source>
        <translation>Copy to the next period</translation>
    </message>
    <message>
        <source>Periode:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Realisasi rencana aksi terpilih, mis. 5 berkas (Enter)</source>
        <translation>Realisation of the selected action plan, e.g. 5 files (Enter)</translation>
    </message>
    <message>
        <source>Realisasi</source>
        <translation>Realisation</translation>
    </message>
    <message>
        <source>Simpan realisasi</source>
        <translation>Save realisation</translation>
    </message>
    <message>
        <source>Hitung realisasi indikator</source>
        <translation>Calculate indicator realisation</translation>
    </message>
    <message>
        <source>Jumlahkan realisasi rencana aksi indikator ini dalam periode evaluasinya dan simpan sebagai realisasi indikator</source>
        <translation>Add up the realisations of this indicator&apos;s action plans in its evaluation period and save the total as the indicator&apos;s realisation</translation>
    </message>
    <message>
        <source>Lampirkan bukti…</source>
        <translation>Attach evidence…</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Rencana aksi baru (Enter untuk menambah)</source>
        <translation>New action plan (Enter to add)</translation>
    </message>
    <message>
        <source>target, mis. 4</source>
        <translation>target, e.g. 4</translation>
    </message>
    <message>
        <source>satuan</source>
        <translation>unit</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>RHK</source>
        <translation>RHK</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Rencana aksi</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>(tidak dihitung ke indikator)</source>
        <translation>(not counted towards an indicator)</translation>
    </message>
    <message>
        <source>Belum ada SKP tahun {0}; rencana aksi disusun per RHK SKP.</source>
        <translation>There is no SKP for {0} yet; action plans are drawn up per RHK of the SKP.</translation>
    </message>
    <message>
        <source>Pilih RHK dulu.</source>
        <translation>Choose an RHK first.</translation>
    </message>
    <message>
        <source>Rencana aksi ditambahkan.</source>
        <translation>Action plan added.</translation>
    </message>
    <message>
        <source>Pilih dulu rencana aksi yang akan diisi realisasinya.</source>
        <translation>First choose the action plan whose realisation you want to fill in.</translation>
    </message>
    <message>
        <source>Realisasi disimpan.</source>
        <translation>Realisation saved.</translation>
    </message>
    <message>
        <source>Pilih dulu rencana aksi yang akan diberi bukti.</source>
        <translation>First choose the action plan to attach evidence to.</translation>
    </message>
    <message>
        <source>Pilih berkas bukti</source>
        <translation>Choose an evidence file</translation>
    </message>
    <message>
        <source>Bukti dilampirkan.</source>
        <translation>Evidence attached.</translation>
    </message>
    <message>
        <source>Rencana aksi dihapus.</source>
        <translation>Action plan deleted.</translation>
    </message>
    <message>
        <source>{0} rencana aksi disalin ke {1}.</source>
        <translation>{0} action plans copied to {1}.</translation>
    </message>
    <message>
        <source>Pilih rencana aksi yang terhubung ke indikator.</source>
        <translation>Choose an action plan that is linked to an indicator.</translation>
    </message>
    <message>
        <source>Realisasi indikator {0}: {1}</source>
        <translation>Indicator realisation {0}: {1}</translation>
    </message>
</context>
<context>
    <name>ActionTableModel</name>
    <message>
        <source>RHK</source>
        <translation>RHK</translation>
    </message>
    <message>
        <source>Rencana aksi</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Realisasi</source>
        <translation>Realisation</translation>
    </message>
    <message>
        <source>Bukti</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>belum</source>
        <translation>not yet</translation>
    </message>
</context>
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
        <extracomment>Open the database anyway if the sign-in window was not painted by then (e.g. started minimised). Signing&apos;s libraries not imported while the password was typed are imported this long after the list&apos;s first paint, while the person reads: beside the first pages opened they doubled their time on a loaded PC (over a second of imports holding the GIL). A tab that needs them earlier imports them itself.</extracomment>
        <translation>Opening the database</translation>
    </message>
    <message>
        <source>Menyiapkan daftar</source>
        <translation>Preparing the list</translation>
    </message>
    <message>
        <source>Menyiapkan halaman</source>
        <translation>Preparing pages</translation>
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
    <name>AssessDialog</name>
    <message>
        <source>Nilai Tingkat Kompetensi</source>
        <translation>Assess Competency Level</translation>
    </message>
    <message>
        <source>Kompetensi</source>
        <translation>Competency</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>AwardDialog</name>
    <message>
        <source>Catat Penghargaan</source>
        <translation>Record Award</translation>
    </message>
    <message>
        <source>mis. 800.1.5/123/BKPSDM/2026</source>
        <translation>e.g. 800.1.5/123/BKPSDM/2026</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Nomor keputusan</source>
        <translation>Decree number</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Remarks</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Kalender Kerja Instansi</source>
        <translation>Agency Work Calendar</translation>
    </message>
    <message>
        <source>Hari kerja</source>
        <translation>Working days</translation>
    </message>
    <message>
        <source> hari kerja</source>
        <translation> working day(s)</translation>
    </message>
    <message>
        <source>Progres yang ditulis lebih lambat dari ini setelah harinya ditandai terlambat (tidak ditolak).</source>
        <translation>Progress written later than this after its day is marked late (it is not refused).</translation>
    </message>
    <message>
        <source>Batas pengisian progres harian</source>
        <translation>Deadline for daily progress</translation>
    </message>
    <message>
        <source>Hari libur nasional dan cuti bersama:</source>
        <translation>Public holidays and collective leave days:</translation>
    </message>
    <message>
        <source>Keterangan, mis. Hari Raya Natal</source>
        <translation>Description, e.g. Christmas Day</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Impor CSV/XLSX…</source>
        <translation>Import CSV/XLSX…</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Disimpan.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Hari libur {0:%d-%m-%Y} disimpan.</source>
        <translation>Holiday {0:%d-%m-%Y} saved.</translation>
    </message>
    <message>
        <source>Hari libur dihapus.</source>
        <translation>Holiday deleted.</translation>
    </message>
    <message>
        <source>Impor hari libur</source>
        <translation>Import holidays</translation>
    </message>
</context>
<context>
    <name>CellDialog</name>
    <message>
        <source>Peran Hasil — {0}</source>
        <translation>Results Role — {0}</translation>
    </message>
    <message>
        <source>RHK pimpinan yang diintervensi: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Leader&apos;s RHK supported: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>mis. Koordinator, Pelaksana verifikasi</source>
        <translation>e.g. Coordinator, Verification officer</translation>
    </message>
    <message>
        <source>Utama</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>Tambahan</source>
        <translation>Additional</translation>
    </message>
    <message>
        <source>RHK yang diusulkan kepada pegawai</source>
        <translation>RHK proposed to the employee</translation>
    </message>
    <message>
        <source>Satu indikator per baris: Aspek | Indikator | Target
Kuantitas | Jumlah berkas diverifikasi | 240 berkas</source>
        <translation>One indicator per line: Aspect | Indicator | Target
Kuantitas | Files verified | 240 files</translation>
    </message>
    <message>
        <source>(tanpa tim kerja)</source>
        <translation>(no work team)</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Jenis RHK</source>
        <translation>RHK type</translation>
    </message>
    <message>
        <source>RHK usulan</source>
        <translation>Proposed RHK</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Tim kerja</source>
        <translation>Work team</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kosongkan sel</source>
        <translation>Clear cell</translation>
    </message>
</context>
<context>
    <name>CertificatesDialog</name>
    <message>
        <source>Sertifikat Tanda Tangan Elektronik</source>
        <translation>Electronic Signature Certificates</translation>
    </message>
    <message>
        <source>Sertifikat saya</source>
        <translation>My certificates</translation>
    </message>
    <message>
        <source>CA kantor</source>
        <translation>Office CA</translation>
    </message>
    <message>
        <source>CA tepercaya</source>
        <translation>Trusted CAs</translation>
    </message>
    <message>
        <source>Berkas .p12 / .pfx, misalnya dari CA nasional</source>
        <translation>.p12 / .pfx file, e.g. from the national CA</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Berkas sertifikat</source>
        <translation>Certificate file</translation>
    </message>
    <message>
        <source>Kata sandi berkas</source>
        <translation>File password</translation>
    </message>
    <message>
        <source>Impor dan periksa</source>
        <translation>Import and check</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Penerbit</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>Berlaku s.d.</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Buat CA kantor</source>
        <translation>Create office CA</translation>
    </message>
    <message>
        <source>minimal 8 karakter</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>Buat CA</source>
        <translation>Create CA</translation>
    </message>
    <message>
        <source>Nama instansi</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <source>Jenis kunci</source>
        <translation>Key type</translation>
    </message>
    <message>
        <source>Kata sandi kunci CA</source>
        <translation>CA key password</translation>
    </message>
    <message>
        <source>Ulangi kata sandi</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>Terbitkan sertifikat pegawai (.p12)</source>
        <translation>Issue an employee certificate (.p12)</translation>
    </message>
    <message>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Simpan sebagai…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>kata sandi kunci CA</source>
        <translation>CA key password</translation>
    </message>
    <message>
        <source>kata sandi baru berkas .p12</source>
        <translation>new password of the .p12 file</translation>
    </message>
    <message>
        <source>Terbitkan</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Masa berlaku</source>
        <translation>Validity</translation>
    </message>
    <message>
        <source>Berkas keluaran</source>
        <translation>Output file</translation>
    </message>
    <message>
        <source>Kata sandi CA</source>
        <translation>CA password</translation>
    </message>
    <message>
        <source>Kata sandi .p12</source>
        <translation>.p12 password</translation>
    </message>
    <message>
        <source>Ulangi</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Sidik jari SHA-256</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <source>Impor CA…</source>
        <translation>Import CA…</translation>
    </message>
    <message>
        <source>Ekspor PEM…</source>
        <translation>Export PEM…</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>CA kantor: &lt;b&gt;{0}&lt;/b&gt;, berlaku s.d. {1:%d-%m-%Y}. Kuncinya tersimpan terenkripsi di {2}.</source>
        <translation>Office CA: &lt;b&gt;{0}&lt;/b&gt;, valid until {1:%d-%m-%Y}. Its key is stored encrypted in {2}.</translation>
    </message>
    <message>
        <source>Ganti CA</source>
        <translation>Replace CA</translation>
    </message>
    <message>
        <source>CA kantor belum dibuat.</source>
        <translation>The office CA has not been created yet.</translation>
    </message>
    <message>
        <source>Sedang diproses…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Pilih sertifikat</source>
        <translation>Choose certificate</translation>
    </message>
    <message>
        <source>Pilih berkas sertifikat (.p12) terlebih dahulu.</source>
        <translation>Choose a certificate file (.p12) first.</translation>
    </message>
    <message>
        <source>Sertifikat diimpor.</source>
        <translation>Certificate imported.</translation>
    </message>
    <message>
        <source> Perhatikan peringatannya.</source>
        <translation> Note the warnings.</translation>
    </message>
    <message>
        <source>Simpan sertifikat</source>
        <translation>Save certificate</translation>
    </message>
    <message>
        <source>Kedua kata sandi CA tidak sama.</source>
        <translation>The two CA passwords differ.</translation>
    </message>
    <message>
        <source>CA kantor dibuat: {0}. CA ini langsung dipercaya.</source>
        <translation>Office CA created: {0}. It is trusted straight away.</translation>
    </message>
    <message>
        <source>Kedua kata sandi berkas .p12 tidak sama.</source>
        <translation>The two .p12 file passwords differ.</translation>
    </message>
    <message>
        <source>Pilih tempat menyimpan berkas .p12.</source>
        <translation>Choose where to save the .p12 file.</translation>
    </message>
    <message>
        <source>Sertifikat disimpan di {0}. Serahkan berkas dan kata sandinya secara terpisah.</source>
        <translation>Certificate saved to {0}. Hand over the file and its password separately.</translation>
    </message>
    <message>
        <source>Impor sertifikat CA</source>
        <translation>Import CA certificate</translation>
    </message>
    <message>
        <source>Sertifikat (*.pem *.crt *.cer *.der)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der)</translation>
    </message>
    <message>
        <source>Dipercaya: </source>
        <translation>Trusted: </translation>
    </message>
    <message>
        <source>Ekspor CA tepercaya</source>
        <translation>Export trusted CAs</translation>
    </message>
    <message>
        <source>CA tepercaya diekspor ke {0}.</source>
        <translation>Trusted CAs exported to {0}.</translation>
    </message>
    <message>
        <source>Pilih CA yang akan dihapus.</source>
        <translation>Choose the CA to remove.</translation>
    </message>
    <message>
        <source>CA dihapus dari daftar tepercaya.</source>
        <translation>CA removed from the trusted list.</translation>
    </message>
</context>
<context>
    <name>ComboDelegate</name>
    <message>
        <source>(tidak ada)</source>
        <extracomment>Model role returning the text an editor should start from (a refused input is kept there).</extracomment>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>CompetencyImportDialog</name>
    <message>
        <source>Impor Kompetensi</source>
        <translation>Import Competencies</translation>
    </message>
    <message>
        <source>Standar kompetensi jabatan (jabatan, jenis, kode, nama, level)</source>
        <translation>Position competency standards (jabatan, jenis, kode, nama, level)</translation>
    </message>
    <message>
        <source>Hasil assessment center / uji kompetensi (nip, kode, level, tanggal)</source>
        <translation>Assessment centre / competency test results (nip, kode, level, tanggal)</translation>
    </message>
    <message>
        <source>berkas .xlsx atau .csv</source>
        <translation>.xlsx or .csv file</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Simpan Templat…</source>
        <translation>Save Template…</translation>
    </message>
    <message>
        <source>Lewati baris yang salah (impor yang benar saja)</source>
        <translation>Skip bad rows (import only the good ones)</translation>
    </message>
    <message>
        <source>Periksa</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Pilih berkas</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx *.csv)</source>
        <translation>Spreadsheet (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Simpan templat</source>
        <translation>Save template</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Templat disimpan ke {0}.</source>
        <translation>Template saved to {0}.</translation>
    </message>
    <message>
        <source>{0} baris dibaca, semuanya benar. Tekan Impor untuk menyimpan.</source>
        <translation>{0} rows read, all correct. Press Import to save them.</translation>
    </message>
</context>
<context>
    <name>CompetencyTab</name>
    <message>
        <source>Kompetensi terhadap standar jabatan (PermenPAN-RB 38/2017)</source>
        <translation>Competencies against the position standard (PermenPAN-RB 38/2017)</translation>
    </message>
    <message>
        <source>Batang pucat: level standar jabatan. Batang isi: level hasil penilaian — hijau memenuhi, jingga kurang satu level, merah kesenjangan besar.</source>
        <translation>Pale bar: the level the position requires. Solid bar: the assessed level — green meets it, amber one level short, red a large gap.</translation>
    </message>
    <message>
        <source>Nilai Kompetensi…</source>
        <translation>Assess Competency…</translation>
    </message>
    <message>
        <source>Rencana pengembangan kompetensi {0}</source>
        <translation>Competency development plan {0}</translation>
    </message>
    <message>
        <source>Tambah…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Batalkan</source>
        <translation>Cancel Item</translation>
    </message>
    <message>
        <source>Laporkan Selesai…</source>
        <translation>Report Completed…</translation>
    </message>
    <message>
        <source>Catat Pelatihan yang Diselenggarakan…</source>
        <translation>Record Organised Training…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Usulan otomatis&lt;/b&gt; — diusulkan aplikasi dari predikat evaluasi dan kesenjangan kompetensi; pejabat penilai memutuskan.</source>
        <translation>&lt;b&gt;Automatic proposals&lt;/b&gt; — proposed by the app from the evaluation predikat and the competency gaps; the pejabat penilai decides.</translation>
    </message>
    <message>
        <source>Terima Usulan…</source>
        <translation>Accept Proposal…</translation>
    </message>
    <message>
        <source>Penghargaan</source>
        <translation>Awards</translation>
    </message>
    <message>
        <source>Tandai Hasil Kerja (Inovasi / Capaian Luar Biasa)…</source>
        <translation>Mark a Work Result (Innovation / Outstanding Result)…</translation>
    </message>
    <message>
        <source>Sumber penilaian: {0}</source>
        <translation>Assessed by: {0}</translation>
    </message>
    <message>
        <source>Belum ada hasil penilaian kompetensi.</source>
        <translation>No competency assessment yet.</translation>
    </message>
    <message>
        <source>Belum ada penghargaan tercatat.</source>
        <translation>No award recorded yet.</translation>
    </message>
    <message>
        <source>JP pengembangan kompetensi selesai tahun {0}: &lt;b&gt;{1}&lt;/b&gt; dari hak {2} JP.</source>
        <translation>Competency development hours (JP) done in {0}: &lt;b&gt;{1}&lt;/b&gt; of the {2} JP entitlement.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c5221f&apos;&gt;{0} rencana terlambat.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c5221f&apos;&gt;{0} plan items late.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Terima Usulan</source>
        <translation>Accept Proposal</translation>
    </message>
    <message>
        <source>Rencana pengembangan disimpan.</source>
        <translation>Development plan item saved.</translation>
    </message>
    <message>
        <source>Catat Pelatihan yang Diselenggarakan</source>
        <translation>Record Organised Training</translation>
    </message>
    <message>
        <source>Pelatihan tercatat.</source>
        <translation>Training recorded.</translation>
    </message>
    <message>
        <source>Pilih satu rencana di tabel terlebih dahulu.</source>
        <translation>Select a plan item in the table first.</translation>
    </message>
    <message>
        <source>Ubah Rencana</source>
        <translation>Edit Plan Item</translation>
    </message>
    <message>
        <source>Rencana diubah.</source>
        <translation>Plan item changed.</translation>
    </message>
    <message>
        <source>Rencana dibatalkan.</source>
        <translation>Plan item cancelled.</translation>
    </message>
    <message>
        <source>Pilih rencana yang sudah Anda selesaikan.</source>
        <translation>Select the plan item you have completed.</translation>
    </message>
    <message>
        <source>Penyelesaian dilaporkan.</source>
        <translation>Completion reported.</translation>
    </message>
    <message>
        <source>Tingkat kompetensi disimpan.</source>
        <translation>Competency level saved.</translation>
    </message>
    <message>
        <source>Tanda umpan balik disimpan.</source>
        <translation>Feedback mark saved.</translation>
    </message>
    <message>
        <source>Kompetensi dan Pengembangan</source>
        <translation>Competencies and Development</translation>
    </message>
</context>
<context>
    <name>ConfirmStepDialog</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Pegawai</source>
        <translation>Employee</translation>
    </message>
    <message>
        <source>Nilai yang tampil</source>
        <translation>Value shown</translation>
    </message>
    <message>
        <source>Nilai lain</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Sudah ditandatangani</source>
        <translation>Already signed</translation>
    </message>
    <message>
        <source>Diubah bersamaan</source>
        <translation>Changed at the same time</translation>
    </message>
</context>
<context>
    <name>ConflictPage</name>
    <message>
        <source>&amp;Pakai nilai yang dipilih</source>
        <translation>&amp;Use the chosen value</translation>
    </message>
    <message>
        <source>&amp;Tandai sudah diperiksa</source>
        <translation>&amp;Mark as reviewed</translation>
    </message>
    <message>
        <source>&amp;Muat ulang</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>Pilih nilai yang benar:</source>
        <translation>Choose the correct value:</translation>
    </message>
    <message>
        <source>Memuat konflik…</source>
        <translation>Loading conflicts…</translation>
    </message>
    <message>
        <source>Memuat konflik</source>
        <translation>Loading conflicts</translation>
    </message>
    <message>
        <source>{0} data memiliki lebih dari satu nilai.</source>
        <translation>{0} data items have more than one value.</translation>
    </message>
    <message>
        <source>Tidak ada konflik. Semua data sama di setiap komputer yang sudah sinkron.</source>
        <translation>No conflicts. All data is the same on every synchronised computer.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1}</translation>
    </message>
    <message>
        <source>tampil sekarang</source>
        <translation>shown now</translation>
    </message>
    <message>
        <source>tidak diketahui</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>{0}
— oleh {1}</source>
        <translation>{0}
— by {1}</translation>
    </message>
    <message>
        <source>Data ini sudah ditandatangani; nilai yang ditandatangani tetap berlaku. Nilai lain dicatat untuk diperiksa (ubah melalui Revisi bila perlu).</source>
        <translation>This data is already signed; the signed value stays in force. The other value is recorded for review (change it through Revise if needed).</translation>
    </message>
    <message>
        <source>Dua perubahan dibuat bersamaan di komputer berbeda. Pilih yang benar; pilihan Anda dikirim ke semua komputer pada sinkronisasi berikutnya.</source>
        <translation>Two changes were made at the same time on different computers. Choose the correct one; your choice is sent to every computer at the next synchronisation.</translation>
    </message>
    <message>
        <source>Menyimpan pilihan</source>
        <translation>Saving the choice</translation>
    </message>
    <message>
        <source>Menandai konflik</source>
        <translation>Marking the conflict</translation>
    </message>
</context>
<context>
    <name>DailyLogPage</name>
    <message>
        <source>Progres Harian</source>
        <extracomment>Shortcuts of the page (also listed in its tooltip texts).</extracomment>
        <translation>Daily Progress</translation>
    </message>
    <message>
        <source>Hari sebelumnya ({0})</source>
        <translation>Previous day ({0})</translation>
    </message>
    <message>
        <source>Hari berikutnya ({0})</source>
        <translation>Next day ({0})</translation>
    </message>
    <message>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Pilih tanggal</source>
        <translation>Choose a date</translation>
    </message>
    <message>
        <source>Apa yang Anda kerjakan? Tekan Enter untuk menyimpan</source>
        <translation>What did you work on? Press Enter to save</translation>
    </message>
    <message>
        <source>Uraian kegiatan</source>
        <translation>Activity description</translation>
    </message>
    <message>
        <source>Rencana aksi atau RHK</source>
        <translation>Action plan or RHK</translation>
    </message>
    <message>
        <source>jam</source>
        <translation>hours</translation>
    </message>
    <message>
        <source>Jam kerja</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Lampirkan bukti…</source>
        <translation>Attach evidence…</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Hapus progres yang dipilih (Delete)</source>
        <translation>Delete the selected progress entry (Delete)</translation>
    </message>
    <message>
        <source> (hari ini)</source>
        <translation> (today)</translation>
    </message>
    <message>
        <source>Hari kerja.</source>
        <translation>Working day.</translation>
    </message>
    <message>
        <source>Bukan hari kerja ({0}); progres tetap boleh diisi.</source>
        <translation>Not a working day ({0}); progress may still be recorded.</translation>
    </message>
    <message>
        <source>Batas pengisian hari ini sudah lewat: progres baru ditandai terlambat.</source>
        <translation>Today&apos;s deadline has passed: new progress is marked late.</translation>
    </message>
    <message>
        <source>(tanpa tautan)</source>
        <translation>(not linked)</translation>
    </message>
    <message>
        <source>Rencana aksi: {0}</source>
        <translation>Action plan: {0}</translation>
    </message>
    <message>
        <source>RHK: {0}</source>
        <translation>RHK: {0}</translation>
    </message>
    <message>
        <source>{0} {1}: {2} dari {3} hari kerja sudah diisi, {4} terlambat, {5} belum diisi.</source>
        <translation>{0} {1}: {2} of {3} working days recorded, {4} late, {5} not recorded yet.</translation>
    </message>
    <message>
        <source>Belum diisi: {0}</source>
        <translation>Not recorded yet: {0}</translation>
    </message>
    <message>
        <source>Tersimpan (terlambat).</source>
        <translation>Saved (late).</translation>
    </message>
    <message>
        <source>Tersimpan.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Perubahan disimpan.</source>
        <translation>Changes saved.</translation>
    </message>
    <message>
        <source>Progres dihapus.</source>
        <translation>Progress entry deleted.</translation>
    </message>
    <message>
        <source>Pilih dulu progres yang akan diberi bukti.</source>
        <translation>First choose the progress entry to attach evidence to.</translation>
    </message>
    <message>
        <source>Pilih berkas bukti</source>
        <translation>Choose an evidence file</translation>
    </message>
</context>
<context>
    <name>DateDelegate</name>
    <message>
        <source>hh-bb-tttt</source>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <source>Ketik tanggal, misalnya 15-09-2026, 15/9/2026 atau 15 Sep 2026</source>
        <translation>Type a date, e.g. 15-09-2026, 15/9/2026 or 15 Sep 2026</translation>
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
    <name>DistributionChart</name>
    <message>
        <source>Jumlah pegawai</source>
        <translation>Number of employees</translation>
    </message>
    <message>
        <source>Predikat kinerja pegawai</source>
        <translation>Employee performance predikat</translation>
    </message>
    <message>
        <source>Frekuensi Pegawai</source>
        <translation>Employee frequency</translation>
    </message>
    <message>
        <source>Batas paling banyak</source>
        <translation>Upper limit</translation>
    </message>
    <message>
        <source>Batas paling sedikit</source>
        <translation>Lower limit</translation>
    </message>
</context>
<context>
    <name>DomainLabels</name>
    <message>
        <source>Unit dan pegawai</source>
        <translation>Units and employees</translation>
    </message>
    <message>
        <source>Evaluasi</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>Realisasi</source>
        <translation>Realisation</translation>
    </message>
    <message>
        <source>Predikat organisasi</source>
        <translation>Organisation rating</translation>
    </message>
    <message>
        <source>Sinkronisasi terakhir</source>
        <translation>Last synchronisation</translation>
    </message>
    <message>
        <source>Menyusun ringkasan</source>
        <translation>Putting the overview together</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Kuantitas</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Kualitas</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Biaya</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Penerima Layanan</source>
        <translation>Service recipients</translation>
    </message>
    <message>
        <source>Proses Bisnis</source>
        <translation>Business process</translation>
    </message>
    <message>
        <source>Penguatan Internal</source>
        <translation>Internal strengthening</translation>
    </message>
    <message>
        <source>Anggaran</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Dukungan Sumber Daya</source>
        <translation>Resource support</translation>
    </message>
    <message>
        <source>Skema Pertanggungjawaban</source>
        <translation>Accountability scheme</translation>
    </message>
    <message>
        <source>Konsekuensi</source>
        <translation>Consequences</translation>
    </message>
    <message>
        <source>Kuantitatif</source>
        <translation>Quantitative</translation>
    </message>
    <message>
        <source>Kualitatif</source>
        <translation>Qualitative</translation>
    </message>
    <message>
        <source>Di Atas Ekspektasi</source>
        <translation>Above expectations</translation>
    </message>
    <message>
        <source>Sesuai Ekspektasi</source>
        <translation>Meets expectations</translation>
    </message>
    <message>
        <source>Di Bawah Ekspektasi</source>
        <translation>Below expectations</translation>
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
    <message>
        <source>Istimewa</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <source>Kurang</source>
        <translation>Poor</translation>
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
        <source>Belum</source>
        <translation>Not yet</translation>
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
        <source>Triwulan I</source>
        <translation>Quarter I</translation>
    </message>
    <message>
        <source>Triwulan II</source>
        <translation>Quarter II</translation>
    </message>
    <message>
        <source>Triwulan III</source>
        <translation>Quarter III</translation>
    </message>
    <message>
        <source>Triwulan IV</source>
        <translation>Quarter IV</translation>
    </message>
    <message>
        <source>Semester I</source>
        <translation>Semester I</translation>
    </message>
    <message>
        <source>Semester II</source>
        <translation>Semester II</translation>
    </message>
    <message>
        <source>Tahunan</source>
        <translation>Annual</translation>
    </message>
    <message>
        <source>Januari</source>
        <translation>January</translation>
    </message>
    <message>
        <source>Februari</source>
        <translation>February</translation>
    </message>
    <message>
        <source>Maret</source>
        <translation>March</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>Mei</source>
        <translation>May</translation>
    </message>
    <message>
        <source>Juni</source>
        <translation>June</translation>
    </message>
    <message>
        <source>Juli</source>
        <translation>July</translation>
    </message>
    <message>
        <source>Agustus</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>Oktober</source>
        <translation>October</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>Desember</source>
        <translation>December</translation>
    </message>
    <message>
        <source>Memahami dan memenuhi kebutuhan masyarakat</source>
        <translation>Understands and meets the needs of the public</translation>
    </message>
    <message>
        <source>Ramah, cekatan, solutif, dan dapat diandalkan</source>
        <translation>Friendly, quick, solution-oriented and reliable</translation>
    </message>
    <message>
        <source>Melakukan perbaikan tiada henti</source>
        <translation>Improves continuously</translation>
    </message>
    <message>
        <source>Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi</source>
        <translation>Carries out duties honestly, responsibly, carefully, with discipline and high integrity</translation>
    </message>
    <message>
        <source>Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien</source>
        <translation>Uses state assets and property responsibly, effectively and efficiently</translation>
    </message>
    <message>
        <source>Tidak menyalahgunakan kewenangan jabatan</source>
        <translation>Does not abuse the authority of office</translation>
    </message>
    <message>
        <source>Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah</source>
        <translation>Builds own competence to meet ever-changing challenges</translation>
    </message>
    <message>
        <source>Membantu orang lain belajar</source>
        <translation>Helps others learn</translation>
    </message>
    <message>
        <source>Melaksanakan tugas dengan kualitas terbaik</source>
        <translation>Carries out duties to the best quality</translation>
    </message>
    <message>
        <source>Menghargai setiap orang apapun latar belakangnya</source>
        <translation>Respects everyone whatever their background</translation>
    </message>
    <message>
        <source>Suka menolong orang lain</source>
        <translation>Is glad to help others</translation>
    </message>
    <message>
        <source>Membangun lingkungan kerja yang kondusif</source>
        <translation>Builds a supportive working environment</translation>
    </message>
    <message>
        <source>Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada NKRI serta pemerintahan yang sah</source>
        <translation>Holds firmly to the Pancasila ideology and the 1945 Constitution of the Republic of Indonesia, loyal to the NKRI and the lawful government</translation>
    </message>
    <message>
        <source>Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara</source>
        <translation>Protects the good name of fellow ASN, leaders, the agency and the State</translation>
    </message>
    <message>
        <source>Menjaga rahasia jabatan dan negara</source>
        <translation>Keeps official and state secrets</translation>
    </message>
    <message>
        <source>Cepat menyesuaikan diri menghadapi perubahan</source>
        <translation>Adapts quickly to change</translation>
    </message>
    <message>
        <source>Terus berinovasi dan mengembangkan kreativitas</source>
        <translation>Keeps innovating and developing creativity</translation>
    </message>
    <message>
        <source>Bertindak proaktif</source>
        <translation>Acts proactively</translation>
    </message>
    <message>
        <source>Memberi kesempatan kepada berbagai pihak untuk berkontribusi</source>
        <translation>Gives all parties the opportunity to contribute</translation>
    </message>
    <message>
        <source>Terbuka dalam bekerja sama untuk menghasilkan nilai tambah</source>
        <translation>Is open to working together to create added value</translation>
    </message>
    <message>
        <source>Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama</source>
        <translation>Mobilises the use of resources for shared goals</translation>
    </message>
    <message>
        <source>SKP</source>
        <translation>SKP</translation>
    </message>
    <message>
        <source>Evaluasi Kinerja</source>
        <translation>Performance evaluation</translation>
    </message>
    <message>
        <source>Dokumen Evaluasi Kinerja</source>
        <translation>Performance evaluation document</translation>
    </message>
    <message>
        <source>Belum ditandatangani</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <source>Sebagian ditandatangani</source>
        <translation>Partly signed</translation>
    </message>
    <message>
        <source>Ditandatangani lengkap</source>
        <translation>Fully signed</translation>
    </message>
    <message>
        <source>Pegawai yang Dinilai</source>
        <translation>Employee being appraised</translation>
    </message>
    <message>
        <source>Pejabat Penilai Kinerja</source>
        <translation>Performance appraiser</translation>
    </message>
    <message>
        <source>Atasan Pejabat Penilai Kinerja</source>
        <translation>Appraiser&apos;s superior</translation>
    </message>
    <message>
        <source>Pimpinan</source>
        <translation>Head of agency</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Laporkan Selesai</source>
        <translation>Report Completed</translation>
    </message>
    <message>
        <source>berkas sertifikat (PDF atau gambar)</source>
        <translation>certificate file (PDF or image)</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Tanggal selesai</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>Sertifikat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Pilih sertifikat</source>
        <translation>Choose certificate</translation>
    </message>
    <message>
        <source>Sertifikat (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>Certificate (*.pdf *.png *.jpg *.jpeg)</translation>
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
    <name>DraftsDialog</name>
    <message>
        <source>Usulan RHK untuk SKP Anda</source>
        <translation>Proposed RHK for your SKP</translation>
    </message>
    <message>
        <source>RHK di bawah ini diusulkan pimpinan Anda (matriks peran hasil) atau diimpor admin. Terima untuk menambahkannya ke SKP dengan RHK pimpinan yang diintervensi sudah terisi; Anda tetap dapat mengubahnya di SKP.</source>
        <translation>The RHK below were proposed by your leader (results role matrix) or imported by the admin. Accept one to add it to your SKP with the leader&apos;s RHK already filled in; you can still change it in the SKP.</translation>
    </message>
    <message>
        <source>Terima</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Ubah lalu Terima…</source>
        <translation>Edit and Accept…</translation>
    </message>
    <message>
        <source>Tolak</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Ubah RHK</source>
        <translation>Edit RHK</translation>
    </message>
    <message>
        <source>Rencana Hasil Kerja</source>
        <translation>Planned Work Result</translation>
    </message>
    <message>
        <source>Diterima ke SKP: {0}</source>
        <translation>Added to the SKP: {0}</translation>
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
    <name>EmployeePage</name>
    <message>
        <source>Realisasi</source>
        <translation>Realisation</translation>
    </message>
    <message>
        <source>Evaluasi</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tahun {0}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Year {0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Dokumen SKP dan evaluasi yang dicetak atau ditandatangani akan tampil di sini.</source>
        <translation>Printed or signed SKP and evaluation documents will appear here.</translation>
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
    <name>EntryTableModel</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Uraian kegiatan</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Rencana aksi / RHK</source>
        <translation>Action plan / RHK</translation>
    </message>
    <message>
        <source>Jam</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Umpan balik penilai</source>
        <translation>Appraiser&apos;s feedback</translation>
    </message>
    <message>
        <source>Bukti</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Tepat waktu</source>
        <translation>On time</translation>
    </message>
</context>
<context>
    <name>EvaluationController</name>
    <message>
        <source>Ubah umpan balik</source>
        <extracomment>The SKP the page is for (the current version); ``plan_id`` is the version the chosen period is evaluated on: an older one when the period was finalised or signed before a Revisi.</extracomment>
        <translation>Edit feedback</translation>
    </message>
    <message>
        <source>Ubah umpan balik perilaku</source>
        <translation>Edit behaviour feedback</translation>
    </message>
    <message>
        <source>Rating Hasil Kerja</source>
        <translation>Work result rating</translation>
    </message>
    <message>
        <source>Rating Perilaku Kerja</source>
        <translation>Work behaviour rating</translation>
    </message>
    <message>
        <source>Ubah {0}</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <source>Ubah Capaian Kinerja Organisasi</source>
        <translation>Edit organisational performance</translation>
    </message>
    <message>
        <source>Ubah Catatan/Rekomendasi</source>
        <translation>Edit notes/recommendations</translation>
    </message>
</context>
<context>
    <name>EvaluationPage</name>
    <message>
        <source>{0}, SKP versi {1}</source>
        <translation>{0}, SKP version {1}</translation>
    </message>
    <message>
        <source>Periode:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Hasil Kerja</source>
        <translation>Work results</translation>
    </message>
    <message>
        <source>Perilaku Kerja</source>
        <translation>Work behaviour</translation>
    </message>
    <message>
        <source>Evaluasi dapat dilakukan setelah SKP disetujui.</source>
        <translation>The evaluation can be done once the SKP is approved.</translation>
    </message>
    <message>
        <source>Tulis umpan balik untuk setiap RHK dan perilaku, pilih kedua rating, lalu Finalkan evaluasi {0}. Semua isian tersimpan otomatis.</source>
        <translation>Write feedback for every RHK and behaviour, choose both ratings, then Finalise the {0} evaluation. Everything is saved automatically.</translation>
    </message>
    <message>
        <source> pada {0}</source>
        <translation> on {0}</translation>
    </message>
    <message>
        <source>Evaluasi Anda untuk {0} telah difinalkan{1}. Hanya dapat dibaca.</source>
        <translation>Your evaluation for {0} was finalised{1}. Read only.</translation>
    </message>
    <message>
        <source>Pejabat penilai sedang menyusun evaluasi ini; isinya dapat berubah sampai difinalkan.</source>
        <translation>The appraiser is preparing this evaluation; its content may change until it is finalised.</translation>
    </message>
    <message>
        <source>Evaluasi {0} belum dibuat oleh pejabat penilai.</source>
        <translation>The appraiser has not started the {0} evaluation yet.</translation>
    </message>
    <message>
        <source>Evaluasi {0} sudah {1}; hanya dapat dibaca.</source>
        <translation>The {0} evaluation is {1}; read only.</translation>
    </message>
    <message>
        <source>Hanya pejabat penilai kinerja pegawai ini yang dapat memberi umpan balik dan rating; Anda hanya dapat membaca.</source>
        <translation>Only this employee&apos;s performance appraiser can give feedback and ratings; you can only read.</translation>
    </message>
    <message>
        <source>Tersimpan {0:%H.%M.%S}</source>
        <translation>Saved {0:%H:%M:%S}</translation>
    </message>
    <message>
        <source>Pilih sel kuadran</source>
        <translation>Choose a quadrant cell</translation>
    </message>
    <message>
        <source>Evaluasi {0} telah difinalkan. Pegawai dapat membacanya.</source>
        <translation>The {0} evaluation is finalised. The employee can now read it.</translation>
    </message>
    <message>
        <source>Terima kasih; evaluasi ditandai sudah dibaca.</source>
        <translation>Thank you; the evaluation is marked as read.</translation>
    </message>
    <message>
        <source>Pengembangan Kompetensi</source>
        <translation>Competency Development</translation>
    </message>
    <message>
        <source>Finalkan evaluasi</source>
        <translation>Finalise evaluation</translation>
    </message>
    <message>
        <source>Finalkan evaluasi {0}? Setelah difinalkan, umpan balik dan rating tidak dapat diubah kecuali dibuka kembali sebelum ditandatangani.</source>
        <translation>Finalise the evaluation for {0}? Once final, feedback and ratings cannot be changed unless it is reopened before it is signed.</translation>
    </message>
    <message>
        <source>Finalkan</source>
        <translation>Finalise</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>&lt;b&gt;Bukti dukung&lt;/b&gt;</source>
        <translation>&lt;b&gt;Supporting evidence&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Tambah berkas…</source>
        <translation>Add file…</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bukti dukung&lt;/b&gt; — {0}</source>
        <translation>&lt;b&gt;Supporting evidence&lt;/b&gt; — {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bukti dukung&lt;/b&gt; — pilih satu indikator</source>
        <translation>&lt;b&gt;Supporting evidence&lt;/b&gt; — choose one indicator</translation>
    </message>
    <message>
        <source> (paling besar {0})</source>
        <translation> (at most {0})</translation>
    </message>
    <message>
        <source>Seret berkas ke sini untuk menambahkannya{0}</source>
        <translation>Drag files here to add them{0}</translation>
    </message>
    <message>
        <source>Pilih berkas bukti dukung</source>
        <translation>Choose supporting evidence files</translation>
    </message>
    <message>
        <source>Berkas tidak dapat dibuka: {0}</source>
        <translation>The file cannot be opened: {0}</translation>
    </message>
    <message>
        <source>Berkas tidak dibuka</source>
        <translation>File not opened</translation>
    </message>
    <message>
        <source>“{0}” bukan PDF, gambar, atau dokumen kantor menurut isinya, jadi tidak dibuka langsung: berkas seperti ini dapat menjalankan program di komputer ini.

Simpan salinannya, lalu buka sendiri hanya bila Anda tahu asal dan isinya.</source>
        <translation>“{0}” is not a PDF, an image or an office document by its content, so it is not opened directly: files like this can run programs on this computer.

Save a copy, then open it yourself only if you know where it came from and what it holds.</translation>
    </message>
    <message>
        <source>Simpan berkas bukti dukung</source>
        <translation>Save supporting evidence file</translation>
    </message>
    <message>
        <source>Disimpan ke {0}</source>
        <translation>Saved to {0}</translation>
    </message>
</context>
<context>
    <name>EvidenceTableModel</name>
    <message>
        <source>{0}
{1} · {2}
SHA-256 {3}…</source>
        <translation>{0}
{1} · {2}
SHA-256 {3}…</translation>
    </message>
</context>
<context>
    <name>FieldMessage</name>
    <message>
        <source>Tutup pesan</source>
        <translation>Close message</translation>
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
    <name>FirstSkpWizard</name>
    <message>
        <source>Susun SKP Pertama</source>
        <extracomment>Which page follows which (the second step is PAGE_PARENT, or PAGE_PERSPEKTIF for a JPT).</extracomment>
        <translation>Write Your First SKP</translation>
    </message>
    <message>
        <source>Simpan Draf dan Tutup</source>
        <translation>Save Draft and Close</translation>
    </message>
    <message>
        <source>Lanjut &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; Kembali</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Nanti Saja</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Ajukan</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Langkah {0} dari {1} · {2}</source>
        <extracomment>The JPT form (perspektif, no aspek); a continued draft keeps the form it was made on.</extracomment>
        <translation>Step {0} of {1} · {2}</translation>
    </message>
    <message>
        <source>SKP tahun {0}</source>
        <translation>SKP {0}</translation>
    </message>
    <message>
        <source>Aspek</source>
        <translation>Aspect</translation>
    </message>
    <message>
        <source>Indikator Kinerja Individu</source>
        <translation>Individual performance indicator</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Pendekatan: {0} · Pejabat penilai kinerja: {1}</source>
        <translation>Approach: {0} · Appraising official: {1}</translation>
    </message>
    <message>
        <source>Mengintervensi: {0}</source>
        <translation>Supports: {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Perilaku kerja&lt;/b&gt;: tujuh nilai BerAKHLAK dengan panduan perilakunya tercantum otomatis; ekspektasi khusus pimpinan diisi pejabat penilai kinerja.</source>
        <translation>&lt;b&gt;Work behaviour&lt;/b&gt;: the seven BerAKHLAK values with their behaviour guides are included automatically; the leader&apos;s specific expectations are written by the appraising official.</translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation>Annex</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Perspektif: {0}</source>
        <translation>Perspective: {0}</translation>
    </message>
</context>
<context>
    <name>GapChart</name>
    <message>
        <source>Grafik kesenjangan kompetensi</source>
        <translation>Competency gap chart</translation>
    </message>
    <message>
        <source>Belum ada standar kompetensi.</source>
        <translation>No competency standard yet.</translation>
    </message>
    <message>
        <source>belum dinilai</source>
        <translation>not assessed</translation>
    </message>
</context>
<context>
    <name>HelpIntegration</name>
    <message>
        <source>Panduan &amp;Halaman Ini</source>
        <extracomment>Plan statuses the guided flow may still write into (a submitted or approved plan is not a first SKP).</extracomment>
        <translation>&amp;Guide to This Page</translation>
    </message>
    <message>
        <source>Panduan untuk halaman yang sedang terbuka</source>
        <translation>The guide to the page on screen</translation>
    </message>
    <message>
        <source>Susun SKP Pertama dengan Pan&amp;duan…</source>
        <translation>Write Your First SKP with the &amp;Guide…</translation>
    </message>
    <message>
        <source>Memeriksa SKP tahun ini</source>
        <translation>Checking this year&apos;s SKP</translation>
    </message>
    <message>
        <source>Panduan SKP tidak dapat dibuka</source>
        <translation>The SKP guide cannot be opened</translation>
    </message>
    <message>
        <source>SKP Anda tahun {0} sudah diajukan atau disetujui; panduan SKP pertama hanya untuk SKP yang masih draf. SKP Anda dibuka.</source>
        <translation>Your SKP for {0} is already submitted or approved; the first-SKP guide is for a draft SKP only. Your SKP is opened.</translation>
    </message>
    <message>
        <source>Susun SKP Pertama</source>
        <translation>Write Your First SKP</translation>
    </message>
    <message>
        <source>Susun dengan Panduan…</source>
        <translation>Write with the Guide…</translation>
    </message>
    <message>
        <source>Langkah demi langkah sampai SKP siap diajukan</source>
        <translation>Step by step until the SKP is ready to submit</translation>
    </message>
    <message>
        <source>Draf SKP tersimpan; lanjutkan kapan saja di SKP Saya.</source>
        <translation>SKP draft saved; continue any time in My SKP.</translation>
    </message>
    <message>
        <source>SKP diajukan kepada pejabat penilai kinerja.</source>
        <translation>SKP submitted to the appraising official.</translation>
    </message>
</context>
<context>
    <name>IdentityHeader</name>
    <message>
        <source>Periode penilaian: {0}</source>
        <translation>Assessment period: {0}</translation>
    </message>
    <message>
        <source>PEGAWAI YANG DINILAI</source>
        <translation>EMPLOYEE BEING APPRAISED</translation>
    </message>
    <message>
        <source>PEJABAT PENILAI KINERJA</source>
        <translation>PERFORMANCE APPRAISER</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>Tugas</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Pegawai</source>
        <translation>Employee</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Tugas</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Memuat tugas…</source>
        <translation>Loading tasks…</translation>
    </message>
    <message>
        <source>Tekan Enter atau klik dua kali untuk membuka halaman yang menyelesaikan tugas itu.</source>
        <translation>Press Enter or double-click to open the page where the task is done.</translation>
    </message>
    <message>
        <source>{0} tugas menunggu Anda</source>
        <translation>{0} tasks waiting for you</translation>
    </message>
    <message>
        <source>Tidak ada tugas yang menunggu Anda.</source>
        <translation>No tasks are waiting for you.</translation>
    </message>
</context>
<context>
    <name>IndicatorPage</name>
    <message>
        <source>Indikator Kinerja Individu</source>
        <translation>Individual Performance Indicators</translation>
    </message>
    <message>
        <source>Sesuaikan contoh indikator untuk setiap aspek dan isi targetnya. Hapus centang aspek yang tidak cocok; aspek biaya hanya bila Anda mengelola anggaran.</source>
        <translation>Adapt the example indicator of each aspect and type its target. Untick the aspects that do not fit; use the cost aspect only if you manage a budget.</translation>
    </message>
    <message>
        <source>RHK {0}: {1}</source>
        <translation>RHK {0}: {1}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Aspek&lt;/b&gt;</source>
        <translation>&lt;b&gt;Aspect&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Indikator Kinerja Individu&lt;/b&gt;</source>
        <translation>&lt;b&gt;Individual performance indicator&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Target&lt;/b&gt;</source>
        <translation>&lt;b&gt;Target&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Sesuaikan contoh indikator menurut perspektif setiap RHK dan isi targetnya. Indikator kedua boleh dicentang bila RHK perlu dua ukuran.</source>
        <translation>Adapt the example indicators to each RHK&apos;s perspective and fill in the targets. Tick the second indicator when an RHK needs two measures.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No&lt;/b&gt;</source>
        <translation>&lt;b&gt;No.&lt;/b&gt;</translation>
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
    <name>InstansiPeopleModel</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>SKP</source>
        <translation>SKP</translation>
    </message>
    <message>
        <source>Evaluasi</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>Reali-
sasi</source>
        <translation>Reali-
sation</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>belum</source>
        <translation>not yet</translation>
    </message>
</context>
<context>
    <name>InstansiUnitModel</name>
    <message>
        <source>SKP
disetujui</source>
        <translation>SKP
approved</translation>
    </message>
    <message>
        <source>Evaluasi
final</source>
        <translation>Evaluations
final</translation>
    </message>
    <message>
        <source>%
selesai</source>
        <translation>%
done</translation>
    </message>
    <message>
        <source>Ditanda-
tangani</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Sinkron
terakhir</source>
        <translation>Last
sync</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Pegawai</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Realisasi</source>
        <translation>Realisations</translation>
    </message>
    <message>
        <source>Kurva</source>
        <translation>Curve</translation>
    </message>
    <message>
        <source>dilanggar</source>
        <translation>broken</translation>
    </message>
    <message>
        <source>sesuai</source>
        <translation>met</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>InstansiView</name>
    <message>
        <source>Pilih unit untuk melihat pegawainya.</source>
        <translation>Select a unit to see its employees.</translation>
    </message>
    <message>
        <source>Unit yang PC-nya tidak mengirim data {days} hari terakhir: {n} ({names})</source>
        <translation>Units whose PCs sent nothing in the last {days} days: {n} ({names})</translation>
    </message>
    <message>
        <source>Belum ada data sinkronisasi dari PC unit mana pun di basis data ini.</source>
        <translation>No unit&apos;s PC has synchronised into this database yet.</translation>
    </message>
    <message>
        <source>{name} ({code}): {n} pegawai ASN, {subs} sub-unit. SKP disetujui {approved}; realisasi {realised}; evaluasi final {final} ({pct}), ditandatangani {signed}.</source>
        <translation>{name} ({code}): {n} civil servants, {subs} sub-units. SKP approved {approved}; realisations {realised}; evaluations final {final} ({pct}), signed {signed}.</translation>
    </message>
    <message>
        <source>Kurva dilanggar: {what}</source>
        <translation>Distribution curve broken: {what}</translation>
    </message>
    <message>
        <source>Ringkasan Instansi</source>
        <extracomment>A unit whose PCs sent nothing for this many days is named as silent (the CLI&apos;s --sepi default).</extracomment>
        <translation>Instansi Overview</translation>
    </message>
    <message>
        <source>Muat Ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Ekspor XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>Saring unit…</source>
        <translation>Filter units…</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Memuat ringkasan instansi</source>
        <translation>Loading the instansi overview</translation>
    </message>
    <message>
        <source>{n} pegawai ASN di {units} unit. SKP disetujui {approved}; realisasi dilaporkan {realised}; evaluasi final {final} ({pct}), ditandatangani {signed}.</source>
        <translation>{n} ASN employees in {units} units. SKP approved {approved}; realisations reported {realised}; evaluations final {final} ({pct}), signed {signed}.</translation>
    </message>
    <message>
        <source>Unit paling tertinggal: {names}</source>
        <translation>Units lagging most: {names}</translation>
    </message>
    <message>
        <source>Unit yang melanggar kurva distribusi: {n}</source>
        <translation>Units breaking the distribution curve: {n}</translation>
    </message>
    <message>
        <source>Predikat kinerja pegawai</source>
        <translation>Employee performance predikat</translation>
    </message>
    <message>
        <source>Pegawai</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Evaluasi final per periode (%)</source>
        <translation>Final evaluations per period (%)</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Simpan ringkasan instansi</source>
        <translation>Save the instansi overview</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Rencana Pengembangan Kompetensi</source>
        <extracomment>Stores the values (a service call); an exception keeps the form open with its message.</extracomment>
        <translation>Competency Development Plan Item</translation>
    </message>
    <message>
        <source>mis. Pelatihan public speaking</source>
        <translation>e.g. Public speaking training</translation>
    </message>
    <message>
        <source>(tidak terkait satu kompetensi)</source>
        <translation>(not tied to one competency)</translation>
    </message>
    <message>
        <source>Bentuk</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Topik</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Kompetensi yang ditutup</source>
        <translation>Competency it closes</translation>
    </message>
    <message>
        <source>Jam pelajaran (JP)</source>
        <translation>Learning hours (JP)</translation>
    </message>
    <message>
        <source>s.d.</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Jadwal</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Penyelenggara</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>Alasan / catatan</source>
        <translation>Reason / note</translation>
    </message>
    <message>
        <source>Sudah selesai (pada tanggal akhir jadwal)</source>
        <extracomment>Organised training recorded by the admin may already be done (on its last day). Not named ``done``: that is QDialog.done(), which accept() calls.</extracomment>
        <translation>Already completed (on the last day of the schedule)</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <source>Komputer ini untuk saya</source>
        <translation>This computer is for me</translation>
    </message>
    <message>
        <source>Bergabung dengan kantor yang sudah memakai Kinerja Desktop. Komputer ini hanya mengambil data Anda dan yang boleh Anda lihat dari penyimpanan bersama kantor.</source>
        <translation>Join an office that already uses Kinerja Desktop. This computer fetches only your data, and what you may see, from the office&apos;s shared store.</translation>
    </message>
    <message>
        <source>mis. 199001012015031002</source>
        <translation>e.g. 199001012015031002</translation>
    </message>
    <message>
        <source>&amp;NIP atau nama pengguna</source>
        <translation>&amp;NIP or user name</translation>
    </message>
    <message>
        <source>folder, webdavs://server/…, sftp://server/… atau s3://…</source>
        <translation>folder, webdavs://server/…, sftp://server/… or s3://…</translation>
    </message>
    <message>
        <source>Pilih &amp;folder…</source>
        <translation>Choose &amp;folder…</translation>
    </message>
    <message>
        <source>L&amp;okasi penyimpanan</source>
        <translation>St&amp;ore location</translation>
    </message>
    <message>
        <source>bila penyimpanan memakai kata sandi</source>
        <translation>if the store uses a password</translation>
    </message>
    <message>
        <source>Kata s&amp;andi penyimpanan</source>
        <translation>Store p&amp;assword</translation>
    </message>
    <message>
        <source>berkas .json dari kantor pusat</source>
        <translation>.json file from the central office</translation>
    </message>
    <message>
        <source>Berkas &amp;pendaftaran…</source>
        <translation>&amp;Enrolment file…</translation>
    </message>
    <message>
        <source>Kunci akar instansi</source>
        <translation>Agency root key</translation>
    </message>
    <message>
        <source>Berkas pendaftaran dan lokasi penyimpanan diberikan admin kantor pusat. Setelah selesai, masuk dengan NIP dan kata sandi Anda yang biasa.</source>
        <translation>The central office&apos;s administrator gives you the enrolment file and the store location. When done, sign in with your NIP and your usual password.</translation>
    </message>
    <message>
        <source>&amp;Hentikan</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <source>Pilih folder penyimpanan bersama kantor</source>
        <translation>Choose the office&apos;s shared store folder</translation>
    </message>
    <message>
        <source>Pilih berkas pendaftaran dari kantor pusat</source>
        <translation>Choose the enrolment file from the central office</translation>
    </message>
    <message>
        <source>Berkas pendaftaran (*.json);;Semua berkas (*)</source>
        <translation>Enrolment file (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Sidik jari kunci akar: &lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;Cocokkan dengan sidik jari yang diumumkan kantor pusat.</source>
        <translation>Root key fingerprint: &lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;Compare it with the fingerprint the central office announced.</translation>
    </message>
    <message>
        <source>NIP atau nama pengguna wajib diisi.</source>
        <translation>NIP or user name is required.</translation>
    </message>
    <message>
        <source>Lokasi penyimpanan wajib diisi: pilih folder atau ketik alamat server.</source>
        <translation>The store location is required: choose a folder or type the server address.</translation>
    </message>
    <message>
        <source>Pilih berkas pendaftaran dari kantor pusat.</source>
        <translation>Choose the enrolment file from the central office.</translation>
    </message>
    <message>
        <source>Bergabung dengan kantor</source>
        <translation>Joining the office</translation>
    </message>
    <message>
        <source>Menghubungi penyimpanan…</source>
        <translation>Contacting the store…</translation>
    </message>
    <message>
        <source>Menghentikan…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Selesai: {0} catatan tersimpan di komputer ini.</source>
        <translation>Done: {0} records stored on this computer.</translation>
    </message>
    <message>
        <source>Dihentikan. Yang sudah diambil tetap tersimpan; tekan Lanjut untuk meneruskan.</source>
        <translation>Stopped. What was fetched is kept; press Next to continue.</translation>
    </message>
    <message>
        <source>Komputer ini siap untuk &lt;b&gt;{0}&lt;/b&gt;: {1} catatan diambil dari penyimpanan kantor. Masuk dengan NIP atau nama pengguna dan kata sandi Anda yang biasa.</source>
        <translation>This computer is ready for &lt;b&gt;{0}&lt;/b&gt;: {1} records fetched from the office&apos;s store. Sign in with your NIP or user name and your usual password.</translation>
    </message>
</context>
<context>
    <name>JpRecapPage</name>
    <message>
        <source>Rekap 20 JP</source>
        <translation>20 JP Recap</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Seluruh instansi</source>
        <translation>Whole instansi</translation>
    </message>
    <message>
        <source>Saya dan bawahan saya</source>
        <translation>Me and my subordinates</translation>
    </message>
    <message>
        <source>Hanya yang di bawah {0} JP</source>
        <translation>Only those below {0} JP</translation>
    </message>
    <message>
        <source>Ekspor XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>Cetak Rekap…</source>
        <translation>Print Recap…</translation>
    </message>
    <message>
        <source>Memuat rekap pengembangan kompetensi</source>
        <translation>Loading the competency development recap</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; — {1} dari {2} PNS masih di bawah hak {3} JP pengembangan kompetensi tahun {4} (PP 17/2020 Pasal 203).</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; — {1} of {2} PNS are still below the {3} JP of competency development they are entitled to in {4} (PP 17/2020 Article 203).</translation>
    </message>
    <message>
        <source>{0}: {1}/{2} kurang, rata-rata {3} JP</source>
        <translation>{0}: {1}/{2} below, average {3} JP</translation>
    </message>
    <message>
        <source>Simpan XLSX</source>
        <translation>Save XLSX</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Rekap disimpan ke {0}.</source>
        <translation>Recap saved to {0}.</translation>
    </message>
    <message>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Rekap dicetak ke {0}.</source>
        <translation>Recap printed to {0}.</translation>
    </message>
    <message>
        <source>Tanda Tangani Rekap…</source>
        <translation>Sign Recap…</translation>
    </message>
    <message>
        <source>Pengelola kepegawaian menandatangani rekap ini secara elektronik</source>
        <translation>The personnel officer signs this recap electronically</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Survei Kepuasan Masyarakat</source>
        <translation>Public Satisfaction Survey</translation>
    </message>
    <message>
        <source>Keluar (petugas)</source>
        <translation>Exit (staff)</translation>
    </message>
    <message>
        <source>Tentang Anda</source>
        <translation>About you</translation>
    </message>
    <message>
        <source>Layanan apa yang Anda terima hari ini?</source>
        <translation>Which service did you receive today?</translation>
    </message>
    <message>
        <source>Berapa usia Anda?</source>
        <translation>How old are you?</translation>
    </message>
    <message>
        <source>Di bawah 25 tahun</source>
        <translation>Under 25</translation>
    </message>
    <message>
        <source>25-34 tahun</source>
        <translation>25-34 years</translation>
    </message>
    <message>
        <source>35-44 tahun</source>
        <translation>35-44 years</translation>
    </message>
    <message>
        <source>45-54 tahun</source>
        <translation>45-54 years</translation>
    </message>
    <message>
        <source>55 tahun ke atas</source>
        <translation>55 or older</translation>
    </message>
    <message>
        <source>Jenis kelamin Anda?</source>
        <translation>Your sex?</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Pendidikan terakhir Anda?</source>
        <translation>Your highest education?</translation>
    </message>
    <message>
        <source>SD ke bawah</source>
        <translation>Primary school or less</translation>
    </message>
    <message>
        <source>SMP</source>
        <translation>Junior high school</translation>
    </message>
    <message>
        <source>SMA/sederajat</source>
        <translation>Senior high school or equivalent</translation>
    </message>
    <message>
        <source>D1/D2/D3/D4</source>
        <translation>Diploma (D1-D4)</translation>
    </message>
    <message>
        <source>S1</source>
        <translation>Bachelor&apos;s degree</translation>
    </message>
    <message>
        <source>S2 ke atas</source>
        <translation>Master&apos;s degree or higher</translation>
    </message>
    <message>
        <source>Pekerjaan Anda?</source>
        <translation>Your occupation?</translation>
    </message>
    <message>
        <source>PNS</source>
        <translation>Civil servant</translation>
    </message>
    <message>
        <source>TNI</source>
        <translation>Armed forces</translation>
    </message>
    <message>
        <source>Polri</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Pegawai swasta</source>
        <translation>Private employee</translation>
    </message>
    <message>
        <source>Wirausaha</source>
        <translation>Self-employed</translation>
    </message>
    <message>
        <source>Pelajar/Mahasiswa</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Pertanyaan %1 dari 9</source>
        <translation>Question %1 of 9</translation>
    </message>
    <message>
        <source>Apakah persyaratan pelayanan sesuai dengan jenis pelayanannya?</source>
        <translation>Do the service requirements fit the kind of service?</translation>
    </message>
    <message>
        <source>Seberapa mudah prosedur pelayanan di unit ini?</source>
        <translation>How easy is the service procedure in this unit?</translation>
    </message>
    <message>
        <source>Seberapa cepat waktu pelayanan yang Anda terima?</source>
        <translation>How fast was the service you received?</translation>
    </message>
    <message>
        <source>Bagaimana kewajaran biaya/tarif pelayanan ini?</source>
        <translation>How fair is the fee for this service?</translation>
    </message>
    <message>
        <source>Apakah hasil pelayanan sesuai dengan yang tercantum dalam standar pelayanan?</source>
        <translation>Does the result match what the service standard promises?</translation>
    </message>
    <message>
        <source>Bagaimana kemampuan (kompetensi) petugas dalam melayani?</source>
        <translation>How competent were the staff who served you?</translation>
    </message>
    <message>
        <source>Bagaimana kesopanan dan keramahan petugas?</source>
        <translation>How polite and friendly were the staff?</translation>
    </message>
    <message>
        <source>Bagaimana kualitas sarana dan prasarana (ruang tunggu, fasilitas)?</source>
        <translation>How good are the facilities (waiting room, amenities)?</translation>
    </message>
    <message>
        <source>Bagaimana penanganan pengaduan, saran dan masukan di unit ini?</source>
        <translation>How are complaints and suggestions handled in this unit?</translation>
    </message>
    <message>
        <source>Tidak sesuai</source>
        <translation>Does not fit</translation>
    </message>
    <message>
        <source>Kurang sesuai</source>
        <translation>Fits poorly</translation>
    </message>
    <message>
        <source>Sesuai</source>
        <translation>Fits</translation>
    </message>
    <message>
        <source>Sangat sesuai</source>
        <translation>Fits very well</translation>
    </message>
    <message>
        <source>Tidak mudah</source>
        <translation>Not easy</translation>
    </message>
    <message>
        <source>Kurang mudah</source>
        <translation>Not very easy</translation>
    </message>
    <message>
        <source>Mudah</source>
        <translation>Easy</translation>
    </message>
    <message>
        <source>Sangat mudah</source>
        <translation>Very easy</translation>
    </message>
    <message>
        <source>Tidak cepat</source>
        <translation>Not fast</translation>
    </message>
    <message>
        <source>Kurang cepat</source>
        <translation>Not very fast</translation>
    </message>
    <message>
        <source>Cepat</source>
        <translation>Fast</translation>
    </message>
    <message>
        <source>Sangat cepat</source>
        <translation>Very fast</translation>
    </message>
    <message>
        <source>Sangat mahal</source>
        <translation>Very expensive</translation>
    </message>
    <message>
        <source>Cukup mahal</source>
        <translation>Rather expensive</translation>
    </message>
    <message>
        <source>Murah</source>
        <translation>Cheap</translation>
    </message>
    <message>
        <source>Gratis</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>Tidak kompeten</source>
        <translation>Not competent</translation>
    </message>
    <message>
        <source>Kurang kompeten</source>
        <translation>Not very competent</translation>
    </message>
    <message>
        <source>Kompeten</source>
        <translation>Competent</translation>
    </message>
    <message>
        <source>Sangat kompeten</source>
        <translation>Very competent</translation>
    </message>
    <message>
        <source>Tidak sopan dan ramah</source>
        <translation>Not polite or friendly</translation>
    </message>
    <message>
        <source>Kurang sopan dan ramah</source>
        <translation>Not very polite or friendly</translation>
    </message>
    <message>
        <source>Sopan dan ramah</source>
        <translation>Polite and friendly</translation>
    </message>
    <message>
        <source>Sangat sopan dan ramah</source>
        <translation>Very polite and friendly</translation>
    </message>
    <message>
        <source>Buruk</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>Cukup</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>Baik</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>Sangat baik</source>
        <translation>Very good</translation>
    </message>
    <message>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Ada tetapi tidak berfungsi</source>
        <translation>Exists but does not work</translation>
    </message>
    <message>
        <source>Berfungsi kurang maksimal</source>
        <translation>Works, but not fully</translation>
    </message>
    <message>
        <source>Dikelola dengan baik</source>
        <translation>Well managed</translation>
    </message>
    <message>
        <source>Bantu kami memperbaiki pelayanan. Sembilan pertanyaan singkat, tanpa nama; sentuh jawaban yang paling sesuai.</source>
        <translation>Help us improve our service. Nine short questions, no name asked; touch the answer that fits best.</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Lewati</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Terima kasih!</source>
        <translation>Thank you!</translation>
    </message>
    <message>
        <source>Jawaban Anda sudah tersimpan dan membantu kami memperbaiki pelayanan.</source>
        <translation>Your answers are saved and help us improve our service.</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Tidak tersimpan</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Jawaban tidak dapat disimpan: %1 Mohon beri tahu petugas.</source>
        <translation>The answers could not be saved: %1 Please tell the staff.</translation>
    </message>
    <message>
        <source>Keluar dari kios</source>
        <translation>Leave the kiosk</translation>
    </message>
    <message>
        <source>Kata sandi admin %1:</source>
        <translation>Password of admin %1:</translation>
    </message>
    <message>
        <source>Kata sandi salah.</source>
        <translation>Wrong password.</translation>
    </message>
</context>
<context>
    <name>KuadranWidget</name>
    <message>
        <source>Sel terpilih: {0}</source>
        <translation>Selected cell: {0}</translation>
    </message>
    <message>
        <source>Rating Perilaku Kerja →</source>
        <translation>Work behaviour rating →</translation>
    </message>
    <message>
        <source>Rating Hasil Kerja →</source>
        <translation>Work result rating →</translation>
    </message>
</context>
<context>
    <name>LampiranColumn</name>
    <message>
        <source>&lt;b&gt;{0}. {1}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{0}. {1}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Hapus butir</source>
        <translation>Delete item</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Hapus butir terpilih (Delete); Ctrl+Z membatalkan</source>
        <translation>Delete the selected item (Delete); Ctrl+Z undoes it</translation>
    </message>
    <message>
        <source>Tulis isi butir {0} terlebih dahulu.</source>
        <translation>Write the {0} item first.</translation>
    </message>
</context>
<context>
    <name>LampiranPage</name>
    <message>
        <source>Lampiran SKP</source>
        <translation>SKP Annex</translation>
    </message>
    <message>
        <source>Periksa usulan berikut; satu butir per baris. Butir boleh diubah, ditambah atau dihapus.</source>
        <translation>Check these suggestions; one item per line. Items may be changed, added or removed.</translation>
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
        <extracomment>Technical detail of the unexpected errors whose plain message was made recently (message -&gt; detail), so any box showing that message offers &quot;Salin rincian&quot; (see workers.error_message).</extracomment>
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
        <source>Ganti &amp;Kata Sandi…</source>
        <translation>Change &amp;Password…</translation>
    </message>
    <message>
        <source>Ganti kata sandi akun ini (juga membuka kunci tanda tangannya)</source>
        <translation>Change this account&apos;s password (it also unlocks its signing key)</translation>
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
        <source>Ringkasan &amp;Instansi</source>
        <translation>&amp;Instansi Overview</translation>
    </message>
    <message>
        <source>Seluruh instansi per unit: progres, kurva, unit tertinggal</source>
        <translation>The whole instansi per unit: progress, curves, lagging units</translation>
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
        <source>Kata sandi diganti.</source>
        <translation>Password changed.</translation>
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
        <source>Pohon kinerja tidak dapat dibuka</source>
        <translation>The performance tree cannot be opened</translation>
    </message>
    <message>
        <source>Pohon: {0}</source>
        <translation>Tree: {0}</translation>
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
    <message>
        <source>Ubah sel terpilih</source>
        <extracomment>The Tugas count is reloaded this long after the last save (a burst of autosaves counts once). Start loading the rest of a first-screen list by then even if the window was not painted. Imported in the same worker (and by ``session_tasks.warm_up_task`` while the password is typed), so the first employee or unit opened does not pay for the import of its page. The employee page comes first (the warm-up imports in this order). The tabs integrations add to an employee page, built when first shown; they pull in pyhanko, reportlab and fontTools (over a second of imports), so ``session_tasks.warm_up_task`` imports them only while the person types the password or reads (``WarmUpGate.release_later``), never beside the first page. Keys of the forms themselves (not window actions), listed under Bantuan &gt; Pintasan Keyboard.</extracomment>
        <translation>Edit the selected cell</translation>
    </message>
    <message>
        <source>Simpan sel; baris baru di dalam sel</source>
        <translation>Save the cell; new line inside the cell</translation>
    </message>
    <message>
        <source>Sel berikutnya / sebelumnya</source>
        <translation>Next / previous cell</translation>
    </message>
    <message>
        <source>Batalkan / ulangi perubahan</source>
        <translation>Undo / redo a change</translation>
    </message>
    <message>
        <source>SKP: tambah RHK / indikator</source>
        <translation>SKP: add RHK / indicator</translation>
    </message>
    <message>
        <source>SKP: pindahkan baris ke atas / bawah</source>
        <translation>SKP: move the row up / down</translation>
    </message>
    <message>
        <source>Hapus baris atau berkas terpilih</source>
        <translation>Delete the selected row or file</translation>
    </message>
    <message>
        <source>Tutup pesan atau dialog</source>
        <translation>Close a message or dialog</translation>
    </message>
    <message>
        <source>&amp;Tugas Saya</source>
        <translation>My &amp;Tasks</translation>
    </message>
    <message>
        <source>Yang menunggu Anda: persetujuan SKP, evaluasi, tanda tangan</source>
        <translation>What waits for you: SKP approvals, evaluations, signatures</translation>
    </message>
    <message>
        <source>&amp;Simpan Isian</source>
        <translation>&amp;Save Input</translation>
    </message>
    <message>
        <source>Simpan sel yang sedang diketik (isian lain sudah tersimpan otomatis)</source>
        <translation>Save the cell being typed in (everything else is saved automatically)</translation>
    </message>
    <message>
        <source>Memuat tugas</source>
        <translation>Loading tasks</translation>
    </message>
    <message>
        <source>Semua isian tersimpan.</source>
        <translation>Everything is saved.</translation>
    </message>
    <message>
        <source>Salin rincian</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Salin keterangan teknis untuk dikirim kepada admin</source>
        <translation>Copy the technical details to send to the administrator</translation>
    </message>
    <message>
        <source>Rincian disalin</source>
        <translation>Details copied</translation>
    </message>
</context>
<context>
    <name>MarkDialog</name>
    <message>
        <source>Tandai Hasil Kerja</source>
        <translation>Mark a Work Result</translation>
    </message>
    <message>
        <source>Evaluasi {0}. Hasil kerja yang ditandai menjadi dasar calon penghargaan setelah evaluasinya difinalkan.</source>
        <translation>Evaluation {0}. A marked work result makes its owner an award candidate once the evaluation is final.</translation>
    </message>
    <message>
        <source>(hapus tanda)</source>
        <translation>(remove the mark)</translation>
    </message>
    <message>
        <source>satu baris: apa yang luar biasa atau baru</source>
        <translation>one line: what is outstanding or new</translation>
    </message>
    <message>
        <source>Hasil kerja</source>
        <translation>Work result</translation>
    </message>
    <message>
        <source>Tanda</source>
        <translation>Mark</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>MatriksPage</name>
    <message>
        <source>Matriks Peran Hasil {0}</source>
        <translation>Results Role Matrix {0}</translation>
    </message>
    <message>
        <source>Tim Kerja Baru…</source>
        <translation>New Work Team…</translation>
    </message>
    <message>
        <source>Cetak PDF…</source>
        <translation>Print PDF…</translation>
    </message>
    <message>
        <source>Muat Ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Klik dua kali sel (RHK × pegawai) untuk mengisi peran dan RHK usulan; pegawai melihatnya sebagai usulan di SKP-nya. Warna: kuning menunggu, hijau diterima, abu-abu ditolak.</source>
        <translation>Double-click a cell (RHK × employee) to fill in the role and the proposed RHK; the employee sees it as a proposal in their SKP. Colours: yellow waiting, green accepted, grey declined.</translation>
    </message>
    <message>
        <source> — SKP pimpinan: {0}</source>
        <translation> — leader&apos;s SKP: {0}</translation>
    </message>
    <message>
        <source> — SKP pimpinan belum ada</source>
        <translation> — leader has no SKP yet</translation>
    </message>
    <message>
        <source>{0} · {1} · {2}{3} · {4} isian</source>
        <translation>{0} · {1} · {2}{3} · {4} filled</translation>
    </message>
    <message>
        <source>Tim kerja: {0}</source>
        <translation>Work teams: {0}</translation>
    </message>
    <message>
        <source>Belum ada tim kerja.</source>
        <translation>No work team yet.</translation>
    </message>
    <message>
        <source>Matriks Peran Hasil</source>
        <translation>Results Role Matrix</translation>
    </message>
    <message>
        <source>Simpan Matriks Peran Hasil</source>
        <translation>Save Results Role Matrix</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>MatrixTableModel</name>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>RHK Pimpinan</source>
        <translation>Leader&apos;s RHK</translation>
    </message>
</context>
<context>
    <name>MonthRecapPage</name>
    <message>
        <source>Rekap Progres Harian</source>
        <translation>Daily Progress Recap</translation>
    </message>
    <message>
        <source>Cakupan</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Cetak PDF…</source>
        <translation>Print PDF…</translation>
    </message>
    <message>
        <source>Ekspor XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>Cakupan:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <source>Bulan:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>Saya sendiri</source>
        <translation>Myself</translation>
    </message>
    <message>
        <source>— pilih unit kerja —</source>
        <translation>— choose a work unit —</translation>
    </message>
    <message>
        <source>Pilih unit kerja untuk melihat rekap progres hariannya.</source>
        <translation>Choose a work unit to see its daily progress recap.</translation>
    </message>
    <message>
        <source>{0}: {1} pegawai; {2} hari diisi, {3} terlambat, {4} hari kerja belum diisi.</source>
        <translation>{0}: {1} employees; {2} days recorded, {3} late, {4} working days not recorded yet.</translation>
    </message>
    <message>
        <source>Simpan rekap (PDF)</source>
        <translation>Save the recap (PDF)</translation>
    </message>
    <message>
        <source>Disimpan: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>Simpan rekap (XLSX)</source>
        <translation>Save the recap (XLSX)</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Menulis rekap XLSX</source>
        <translation>Writing the XLSX recap</translation>
    </message>
    <message>
        <source>Ekspor dibatalkan; berkas tidak ditulis.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Menulis {0} baris rekap…</source>
        <translation>Writing {0} recap rows…</translation>
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
        <source>Pohon Kinerja</source>
        <translation>Performance Tree</translation>
    </message>
    <message>
        <source>RHK pimpinan dan RHK bawahan yang mengintervensinya, tingkat demi tingkat</source>
        <translation>A leader&apos;s work results (RHK) and the subordinates&apos; RHK that support them, level by level</translation>
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
    <message>
        <source>Tugas</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Yang menunggu Anda: persetujuan, evaluasi, tanda tangan</source>
        <translation>What waits for you: approvals, evaluations, signatures</translation>
    </message>
    <message>
        <source>Tugas ({0})</source>
        <translation>Tasks ({0})</translation>
    </message>
</context>
<context>
    <name>NoPlanPanel</name>
    <message>
        <source>&lt;h3&gt;Belum ada SKP tahun {0}&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;No SKP for {0} yet&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Mulai Sasaran Kinerja Pegawai dengan memilih pendekatan hasil kerja. Pendekatan kuantitatif memakai target berupa angka dan satuan; kualitatif memakai uraian.</source>
        <translation>Start the Employee Performance Targets (SKP) by choosing the work result approach. The quantitative approach uses targets as a number and a unit; the qualitative one uses a description.</translation>
    </message>
    <message>
        <source>SKP disusun oleh pegawai yang bersangkutan. Setelah diajukan, SKP akan tampil di sini.</source>
        <translation>The SKP is drawn up by the employee. Once submitted, it will appear here.</translation>
    </message>
    <message>
        <source>Pendekatan {0}</source>
        <translation>{0} approach</translation>
    </message>
    <message>
        <source>Buat SKP</source>
        <translation>Create SKP</translation>
    </message>
</context>
<context>
    <name>Panduan</name>
    <message>
        <source>Memulai</source>
        <extracomment>Titles in the viewer&apos;s index (the content&apos;s own headings come from the language&apos;s files).</extracomment>
        <translation>Getting Started</translation>
    </message>
    <message>
        <source>Daftar Pegawai</source>
        <translation>Employee List</translation>
    </message>
    <message>
        <source>SKP: RHK dan Indikator</source>
        <translation>SKP: RHK and Indicators</translation>
    </message>
    <message>
        <source>Menyusun SKP Pertama</source>
        <translation>Your First SKP</translation>
    </message>
    <message>
        <source>Matriks Peran Hasil</source>
        <translation>Role and Result Matrix</translation>
    </message>
    <message>
        <source>Realisasi dan Bukti Dukung</source>
        <translation>Realisations and Evidence</translation>
    </message>
    <message>
        <source>Rencana Aksi dan Progres Harian</source>
        <translation>Action Plans and Daily Progress</translation>
    </message>
    <message>
        <source>Evaluasi: Rating dan Kuadran</source>
        <translation>Appraisal: Ratings and Quadrant</translation>
    </message>
    <message>
        <source>Penghargaan dan Pengembangan</source>
        <translation>Recognition and Development</translation>
    </message>
    <message>
        <source>Dokumen: Cetak dan Tanda Tangan</source>
        <translation>Documents: Print and Sign</translation>
    </message>
    <message>
        <source>Tampilan Unit dan Kurva</source>
        <translation>Unit View and Curve</translation>
    </message>
    <message>
        <source>Ringkasan Instansi</source>
        <translation>Instansi Overview</translation>
    </message>
    <message>
        <source>Sinkronisasi dan Konflik</source>
        <translation>Synchronisation and Conflicts</translation>
    </message>
</context>
<context>
    <name>PanduanViewer</name>
    <message>
        <source>Panduan Kinerja Desktop</source>
        <translation>Kinerja Desktop Guide</translation>
    </message>
    <message>
        <source>Daftar panduan</source>
        <translation>Guide topics</translation>
    </message>
    <message>
        <source>◀ Kembali</source>
        <translation>◀ Back</translation>
    </message>
    <message>
        <source>Panduan yang dibuka sebelumnya (Alt+Kiri)</source>
        <translation>The topic shown before (Alt+Left)</translation>
    </message>
    <message>
        <source>Tekan F1 di halaman mana pun untuk membuka panduan halaman itu.</source>
        <translation>Press F1 on any page to open the guide to that page.</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ParentPage</name>
    <message>
        <source>RHK pimpinan yang diintervensi</source>
        <translation>Leader&apos;s RHK you support</translation>
    </message>
    <message>
        <source>Setiap RHK Anda mendukung satu RHK pejabat penilai kinerja. Centang RHK pimpinan yang hasilnya ikut Anda wujudkan.</source>
        <translation>Each of your RHK supports one RHK of your appraising official. Tick the leader&apos;s RHK whose results you help to achieve.</translation>
    </message>
    <message>
        <source>SKP pejabat penilai Anda untuk tahun ini belum disetujui, jadi belum ada RHK pimpinan untuk dipilih. Anda tetap dapat menulis satu RHK sekarang; RHK pimpinan yang diintervensi dipilih nanti di halaman SKP setelah SKP atasan disetujui.</source>
        <translation>Your appraising official&apos;s SKP for this year is not approved yet, so there is no leader&apos;s RHK to choose. You can still write one RHK now; the leader&apos;s RHK it supports is chosen later on the SKP page, once your superior&apos;s SKP is approved.</translation>
    </message>
    <message>
        <source>Pejabat penilai kinerja Anda belum tercatat di daftar pegawai. Anda tetap dapat menyusun draf; minta admin kepegawaian mencatat pejabat penilai Anda sebelum SKP diajukan.</source>
        <translation>Your appraising official is not recorded in the roster yet. You can still write a draft; ask the personnel administrator to record your appraising official before the SKP is submitted.</translation>
    </message>
    <message>
        <source>Tips: satu RHK pimpinan biasanya cukup didukung oleh satu RHK Anda. Pilih yang paling dekat dengan tugas jabatan Anda.</source>
        <translation>Tip: one leader&apos;s RHK is usually supported by one RHK of yours. Choose those closest to the duties of your position.</translation>
    </message>
    <message>
        <source>Pejabat penilai kinerja: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Appraising official: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Ganti Kata Sandi</source>
        <translation>Change Password</translation>
    </message>
    <message>
        <source>Kata sandi Anda harus diganti sebelum melanjutkan: terlalu pendek, memuat nama pengguna atau NIP, atau terlalu umum. Kata sandi juga membuka kunci tanda tangan perubahan Anda.</source>
        <translation>Your password must be changed before you go on: it is too short, contains the user name or NIP, or is too common. The password also unlocks the key that signs your changes.</translation>
    </message>
    <message>
        <source>Kata sandi baru paling sedikit 10 karakter, tanpa nama pengguna atau NIP, dan bukan kata sandi umum.</source>
        <translation>A new password has at least 10 characters, no user name or NIP, and is not a common password.</translation>
    </message>
    <message>
        <source>Kata sandi &amp;saat ini</source>
        <translation>&amp;Current password</translation>
    </message>
    <message>
        <source>Kata sandi &amp;baru</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi baru</source>
        <translation>&amp;Repeat new password</translation>
    </message>
    <message>
        <source>&amp;Ganti</source>
        <translation>&amp;Change</translation>
    </message>
    <message>
        <source>&amp;Keluar dari akun</source>
        <translation>&amp;Sign out</translation>
    </message>
    <message>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Kedua kata sandi baru tidak sama.</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <source>Mengganti kata sandi</source>
        <translation>Changing the password</translation>
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
    <name>PendekatanPage</name>
    <message>
        <source>Selamat datang</source>
        <extracomment>Words that start an activity rather than a result (&quot;Menyusun laporan&quot; instead of &quot;Tersusunnya laporan&quot;); a word ending in -nya is a result (&quot;Meningkatnya kepuasan ...&quot;). Fewest characters of an RHK worth saving (a word or two is not a result yet).</extracomment>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Panduan ini menuntun Anda menyusun SKP pertama, langkah demi langkah.</source>
        <translation>This guide leads you through your first SKP, step by step.</translation>
    </message>
    <message>
        <source>SKP (Sasaran Kinerja Pegawai) memuat &lt;b&gt;Rencana Hasil Kerja (RHK)&lt;/b&gt; yang mendukung RHK pimpinan Anda, &lt;b&gt;indikator&lt;/b&gt; untuk mengukurnya, dan &lt;b&gt;lampiran&lt;/b&gt;. Setiap langkah langsung disimpan sebagai draf; Anda boleh berhenti kapan saja dan melanjutkannya di halaman SKP.</source>
        <translation>The SKP (Sasaran Kinerja Pegawai) holds your &lt;b&gt;planned work results (RHK)&lt;/b&gt; supporting your leader&apos;s RHK, &lt;b&gt;indicators&lt;/b&gt; to measure them, and an &lt;b&gt;annex&lt;/b&gt;. Each step is saved as a draft at once; you may stop at any time and continue on the SKP page.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pilih pendekatan hasil kerja&lt;/b&gt;</source>
        <translation>&lt;b&gt;Choose the work-result approach&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Kuantitatif — target berupa angka dan satuan, misalnya “12 laporan” atau “95 %”. Pilih ini bila ragu.</source>
        <translation>Quantitative — targets are a number and a unit, for example “12 laporan” or “95 %”. Choose this if unsure.</translation>
    </message>
    <message>
        <source>Kualitatif — target berupa uraian ukuran keberhasilan, misalnya “laporan diterima pimpinan tanpa revisi”.</source>
        <translation>Qualitative — targets describe what success looks like, for example “laporan diterima pimpinan tanpa revisi” (report accepted without revision).</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; · SKP tahun {1}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; · SKP {1}</translation>
    </message>
    <message>
        <source>Draf SKP Anda tahun ini sudah ada; langkah berikut melengkapinya.</source>
        <translation>Your SKP draft for this year exists; the next steps complete it.</translation>
    </message>
</context>
<context>
    <name>PerilakuFeedbackModel</name>
    <message>
        <source>Perilaku Kerja</source>
        <translation>Work behaviour</translation>
    </message>
    <message>
        <source>Ekspektasi Khusus
Pimpinan</source>
        <translation>Leader&apos;s specific
expectations</translation>
    </message>
    <message>
        <source>Umpan Balik</source>
        <translation>Feedback</translation>
    </message>
</context>
<context>
    <name>PerilakuPanel</name>
    <message>
        <source>&lt;b&gt;Perilaku Kerja (BerAKHLAK) dan panduan perilakunya&lt;/b&gt;</source>
        <translation>&lt;b&gt;Work behaviour (BerAKHLAK) and its behaviour guide&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ekspektasi Khusus Pimpinan&lt;/b&gt; (diisi pejabat penilai kinerja; boleh kosong)</source>
        <translation>&lt;b&gt;Leader&apos;s specific expectations&lt;/b&gt; (filled in by the appraiser; may be empty)</translation>
    </message>
    <message>
        <source>Tulis ekspektasi khusus untuk perilaku ini…</source>
        <translation>Write specific expectations for this behaviour…</translation>
    </message>
    <message>
        <source>(tidak ada ekspektasi khusus)</source>
        <translation>(no specific expectations)</translation>
    </message>
</context>
<context>
    <name>PerspektifPage</name>
    <message>
        <source>Perspektif RHK</source>
        <translation>RHK perspectives</translation>
    </message>
    <message>
        <source>SKP pejabat pimpinan tinggi memuat RHK menurut perspektif: penerima layanan, proses bisnis, penguatan internal, dan anggaran. Centang perspektif yang memuat hasil kerja Anda; satu RHK ditulis untuk setiap perspektif.</source>
        <translation>The SKP of a senior executive (JPT) sets out RHK by perspective: service recipients, business process, internal strengthening and budget. Tick the perspectives your results belong to; one RHK is written for each.</translation>
    </message>
    <message>
        <source>{0}. Contoh RHK: &lt;i&gt;{1}&lt;/i&gt;</source>
        <translation>{0}. Example RHK: &lt;i&gt;{1}&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Tips: RHK pejabat pimpinan tinggi diturunkan dari sasaran strategis instansi (Renstra); tulis hasil yang dirasakan, bukan kegiatan.</source>
        <translation>Tip: a senior executive&apos;s RHK derive from the agency&apos;s strategic goals (Renstra); write results people notice, not activities.</translation>
    </message>
</context>
<context>
    <name>PlanController</name>
    <message>
        <source>Rencana Hasil Kerja tidak boleh kosong. Tulis hasil kerja yang akan dicapai, atau hapus baris ini (Delete).</source>
        <translation>The Planned Work Result must not be empty. Write the result to be achieved, or delete this row (Delete).</translation>
    </message>
    <message>
        <source>Ubah {0}</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <source>Tambah RHK utama</source>
        <translation>Add main RHK</translation>
    </message>
    <message>
        <source>Tambah RHK tambahan</source>
        <translation>Add additional RHK</translation>
    </message>
    <message>
        <source>Hapus RHK</source>
        <translation>Delete RHK</translation>
    </message>
    <message>
        <source>Pindahkan RHK</source>
        <translation>Move RHK</translation>
    </message>
    <message>
        <source>Jadikan RHK tambahan</source>
        <translation>Make additional RHK</translation>
    </message>
    <message>
        <source>Jadikan RHK utama</source>
        <translation>Make main RHK</translation>
    </message>
    <message>
        <source>Indikator Kinerja Individu tidak boleh kosong.</source>
        <translation>The Individual Performance Indicator must not be empty.</translation>
    </message>
    <message>
        <source>Tambah indikator</source>
        <translation>Add indicator</translation>
    </message>
    <message>
        <source>Hapus indikator</source>
        <translation>Delete indicator</translation>
    </message>
    <message>
        <source>Pindahkan indikator</source>
        <translation>Move indicator</translation>
    </message>
    <message>
        <source>Tambah butir lampiran</source>
        <translation>Add annex item</translation>
    </message>
    <message>
        <source>Ubah butir lampiran</source>
        <translation>Edit annex item</translation>
    </message>
    <message>
        <source>Hapus butir lampiran</source>
        <translation>Delete annex item</translation>
    </message>
    <message>
        <source>Ubah Ekspektasi Khusus Pimpinan</source>
        <translation>Edit leader&apos;s specific expectations</translation>
    </message>
    <message>
        <source>Ubah pendekatan</source>
        <translation>Change approach</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Hasil Kerja</source>
        <extracomment>Column shares of the tree&apos;s width (the form must read well full-screen and in a narrower tab).</extracomment>
        <translation>Work results</translation>
    </message>
    <message>
        <source>Perilaku Kerja</source>
        <translation>Work behaviour</translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation>Annex</translation>
    </message>
    <message>
        <source>+ RHK Utama</source>
        <translation>+ Main RHK</translation>
    </message>
    <message>
        <source>Tambah Rencana Hasil Kerja utama (Ctrl+N)</source>
        <translation>Add a main Planned Work Result (Ctrl+N)</translation>
    </message>
    <message>
        <source>+ RHK Tambahan</source>
        <translation>+ Additional RHK</translation>
    </message>
    <message>
        <source>Tambah Rencana Hasil Kerja tambahan</source>
        <translation>Add an additional Planned Work Result</translation>
    </message>
    <message>
        <source>+ Indikator</source>
        <translation>+ Indicator</translation>
    </message>
    <message>
        <source>Tambah indikator (aspek) pada RHK terpilih (Ctrl+I)</source>
        <translation>Add an indicator (aspect) to the selected RHK (Ctrl+I)</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Hapus baris terpilih (Delete); Ctrl+Z membatalkan</source>
        <translation>Delete the selected row (Delete); Ctrl+Z undoes it</translation>
    </message>
    <message>
        <source>▲ Naik</source>
        <translation>▲ Up</translation>
    </message>
    <message>
        <source>Pindahkan ke atas (Ctrl+↑)</source>
        <translation>Move up (Ctrl+↑)</translation>
    </message>
    <message>
        <source>▼ Turun</source>
        <translation>▼ Down</translation>
    </message>
    <message>
        <source>Pindahkan ke bawah (Ctrl+↓)</source>
        <translation>Move down (Ctrl+↓)</translation>
    </message>
    <message>
        <source>Klik dua kali atau ketik untuk mengubah sel · Enter menyimpan, Shift+Enter baris baru · seret baris untuk mengurutkan</source>
        <translation>Double-click or type to edit a cell · Enter saves, Shift+Enter adds a new line · drag rows to reorder</translation>
    </message>
    <message>
        <source>pejabat penilai</source>
        <translation>the appraiser</translation>
    </message>
    <message>
        <source>Ini SKP versi {0} (versi lama); hanya dapat dibaca.</source>
        <translation>This is SKP version {0} (an old version); read only.</translation>
    </message>
    <message>
        <source>Anda</source>
        <translation>you</translation>
    </message>
    <message>
        <source>Dikembalikan oleh {0} dengan catatan: “{1}” — perbaiki lalu Ajukan kembali.</source>
        <translation>Returned by {0} with the note: “{1}” — correct it, then Submit again.</translation>
    </message>
    <message>
        <source>SKP ini diajukan kepada Anda. Periksa, isi Ekspektasi Khusus Pimpinan bila perlu (tab Perilaku Kerja), lalu Setujui atau Kembalikan dengan catatan.</source>
        <translation>This SKP was submitted to you. Review it, fill in the leader&apos;s specific expectations if needed (Work behaviour tab), then Approve it or Return it with a note.</translation>
    </message>
    <message>
        <source>SKP ini sudah ditandatangani; hanya dapat dibaca. Pilih Revisi untuk membuat versi baru.</source>
        <translation>This SKP is signed; read only. Choose Revise to create a new version.</translation>
    </message>
    <message>
        <source>SKP sudah diajukan dan menunggu persetujuan {0}; hanya dapat dibaca.</source>
        <translation>The SKP is submitted and awaiting approval by {0}; read only.</translation>
    </message>
    <message>
        <source> Pilih Revisi untuk membuat versi baru.</source>
        <translation> Choose Revise to create a new version.</translation>
    </message>
    <message>
        <source>SKP sudah disetujui; hanya dapat dibaca.{0}</source>
        <translation>The SKP is approved; read only.{0}</translation>
    </message>
    <message>
        <source>Anda melihat SKP ini tanpa hak mengubah; hanya dapat dibaca.</source>
        <translation>You are viewing this SKP without the right to edit it; read only.</translation>
    </message>
    <message>
        <source>Tersimpan {0:%H.%M.%S}</source>
        <translation>Saved {0:%H:%M:%S}</translation>
    </message>
    <message>
        <source>Lihat Pohon Kinerja</source>
        <translation>Show Performance Tree</translation>
    </message>
    <message>
        <source>Pilih dahulu RHK yang akan diberi indikator.</source>
        <translation>First choose the RHK that gets the indicator.</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>{0} dihapus · Ctrl+Z membatalkan</source>
        <translation>{0} deleted · Ctrl+Z undoes it</translation>
    </message>
    <message>
        <source>SKP telah diajukan kepada {0}.</source>
        <translation>The SKP was submitted to {0}.</translation>
    </message>
    <message>
        <source>SKP telah disetujui. Pegawai kini dapat mengisi realisasi.</source>
        <translation>The SKP is approved. The employee can now fill in the realisation.</translation>
    </message>
    <message>
        <source>SKP dikembalikan kepada pegawai dengan catatan: “{0}”</source>
        <translation>The SKP was returned to the employee with the note: “{0}”</translation>
    </message>
    <message>
        <source>Versi {0} dibuat sebagai draf; versi sebelumnya tetap tersimpan.</source>
        <translation>Version {0} was created as a draft; the previous version is kept.</translation>
    </message>
    <message>
        <source>Ajukan SKP</source>
        <translation>Submit SKP</translation>
    </message>
    <message>
        <source>Ajukan SKP ini kepada {0}? Setelah diajukan, SKP tidak dapat diubah lagi kecuali dikembalikan oleh pejabat penilai.</source>
        <translation>Submit this SKP to {0}? Once submitted it cannot be changed unless the appraising official returns it.</translation>
    </message>
    <message>
        <source>Ajukan</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>pegawai</source>
        <translation>the employee</translation>
    </message>
    <message>
        <source>Setujui SKP</source>
        <translation>Approve SKP</translation>
    </message>
    <message>
        <source>Setujui SKP {0}? Setelah disetujui, pegawai mengisi realisasi berdasarkan SKP ini.</source>
        <translation>Approve the SKP of {0}? Once approved, the employee reports realisations against it.</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Usulan RHK…</source>
        <translation>Proposed RHK…</translation>
    </message>
    <message>
        <source>RHK yang diusulkan pimpinan (matriks peran hasil) atau diimpor admin</source>
        <translation>RHK proposed by the leader (results role matrix) or imported by the admin</translation>
    </message>
</context>
<context>
    <name>PohonModel</name>
    <message>
        <source>Rencana Hasil Kerja</source>
        <translation>Planned Work Result (RHK)</translation>
    </message>
    <message>
        <source>Pemilik</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Status SKP</source>
        <translation>SKP status</translation>
    </message>
    <message>
        <source>Indikator Kinerja Individu</source>
        <translation>Individual Performance Indicators</translation>
    </message>
    <message>
        <source>[Tambahan] </source>
        <translation>[Additional] </translation>
    </message>
    <message>
        <source>IKI: {0}</source>
        <translation>Indicator: {0}</translation>
    </message>
    <message>
        <source>{0} RHK bawahan mengintervensi RHK ini</source>
        <translation>{0} subordinate RHK support this RHK</translation>
    </message>
</context>
<context>
    <name>PohonPage</name>
    <message>
        <source>Pohon Kinerja</source>
        <translation>Performance Tree</translation>
    </message>
    <message>
        <source>Pohon Kinerja {0}</source>
        <translation>Performance Tree {0}</translation>
    </message>
    <message>
        <source>RHK pimpinan dan RHK bawahan yang mengintervensinya. Kanan/Kiri membuka dan menutup cabang · Enter membuka SKP pemilik · Ctrl+F mencari</source>
        <translation>A leader&apos;s RHK and the subordinates&apos; RHK that support them. Right/Left opens and closes a branch · Enter opens the owner&apos;s SKP · Ctrl+F searches</translation>
    </message>
    <message>
        <source>Cari RHK, indikator, nama atau NIP lalu tekan Enter</source>
        <translation>Search RHK, indicator, name or NIP, then press Enter</translation>
    </message>
    <message>
        <source>Buka SKP</source>
        <translation>Open SKP</translation>
    </message>
    <message>
        <source>Buka SKP pemilik RHK yang dipilih (Enter)</source>
        <translation>Open the SKP of the selected RHK&apos;s owner (Enter)</translation>
    </message>
    <message>
        <source>Tutup Semua</source>
        <translation>Collapse All</translation>
    </message>
    <message>
        <source>Belum ada RHK pada SKP tahun {0} yang dapat Anda lihat.</source>
        <translation>There is no RHK in the {0} SKPs that you may see.</translation>
    </message>
    <message>
        <source>Buka SKP {0}</source>
        <translation>Open the SKP of {0}</translation>
    </message>
    <message>
        <source>Buka Cabang Ini</source>
        <translation>Expand This Branch</translation>
    </message>
    <message>
        <source>Mencari…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Mencari RHK</source>
        <translation>Searching RHK</translation>
    </message>
    <message>
        <source>Tidak ditemukan</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>{0} dari {1}</source>
        <translation>{0} of {1}</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <source>Cetak Dokumen</source>
        <translation>Print Documents</translation>
    </message>
    <message>
        <source>Evaluasi Kinerja</source>
        <translation>Performance evaluation</translation>
    </message>
    <message>
        <source>Dokumen Evaluasi</source>
        <translation>Evaluation document</translation>
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
    <name>PrintOutcome</name>
    <message>
        <source>{0} dokumen ({1} halaman) siap</source>
        <translation>{0} documents ({1} pages) ready</translation>
    </message>
    <message>
        <source>; {0} gagal</source>
        <translation>; {0} failed</translation>
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
    <name>RatingPanel</name>
    <message>
        <source>Rating Hasil Kerja</source>
        <translation>Work result rating</translation>
    </message>
    <message>
        <source>Rating Perilaku Kerja</source>
        <translation>Work behaviour rating</translation>
    </message>
    <message>
        <source>Predikat Kinerja Pegawai</source>
        <translation>Employee performance predikat</translation>
    </message>
    <message>
        <source>(belum ditetapkan)</source>
        <translation>(not yet determined)</translation>
    </message>
    <message>
        <source>Capaian Kinerja Organisasi</source>
        <translation>Organisational performance</translation>
    </message>
    <message>
        <source>Catatan/Rekomendasi</source>
        <translation>Notes/recommendations</translation>
    </message>
    <message>
        <source>Misalnya: disarankan mengikuti pelatihan public speaking untuk memperkuat komunikasi.</source>
        <translation>For example: public speaking training is recommended to strengthen communication.</translation>
    </message>
    <message>
        <source>Finalkan</source>
        <translation>Finalise</translation>
    </message>
    <message>
        <source>Tetapkan evaluasi periode ini; setelah itu tidak dapat diubah lagi</source>
        <translation>Settle this period&apos;s evaluation; after that it can no longer be changed</translation>
    </message>
    <message>
        <source>Buka kembali</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Tandai sudah dibaca</source>
        <translation>Mark as read</translation>
    </message>
    <message>
        <source>(tidak ada catatan)</source>
        <translation>(no notes)</translation>
    </message>
    <message>
        <source>Sudah dibaca pegawai pada {0}.</source>
        <translation>Read by the employee on {0}.</translation>
    </message>
    <message>
        <source>Rating hasil kerja {0} dan rating perilaku kerja {1} menghasilkan predikat {2}</source>
        <translation>Work result rating {0} and work behaviour rating {1} give the predikat {2}</translation>
    </message>
    <message>
        <source>, karena perilaku kerja di bawah ekspektasi tidak dapat ditutup oleh hasil kerja</source>
        <translation>, because work behaviour below expectations cannot be made up for by work results</translation>
    </message>
    <message>
        <source>, karena hasil kerja masih di bawah ekspektasi walaupun perilaku kerja baik</source>
        <translation>, because work results are still below expectations even though work behaviour is good</translation>
    </message>
    <message>
        <source> dan </source>
        <translation> and </translation>
    </message>
    <message>
        <source>Predikat muncul setelah {0} dipilih.</source>
        <translation>The predikat appears once the {0} is chosen.</translation>
    </message>
    <message>
        <source>Survei Kepuasan Masyarakat: {0}</source>
        <translation>Public Satisfaction Survey: {0}</translation>
    </message>
</context>
<context>
    <name>RealisationController</name>
    <message>
        <source>Ubah {0}</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <source>Tambah bukti {0}</source>
        <translation>Add evidence {0}</translation>
    </message>
    <message>
        <source>Hapus bukti dukung</source>
        <translation>Delete supporting evidence</translation>
    </message>
    <message>
        <source>Hitung dari rencana aksi</source>
        <translation>Calculate from action plans</translation>
    </message>
</context>
<context>
    <name>RealisationPage</name>
    <message>
        <source>Periode:</source>
        <extracomment>Column shares of the table&apos;s width.</extracomment>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Ketik pada kolom Realisasi, Tanggal atau Catatan · seret berkas ke baris untuk menambah bukti</source>
        <translation>Type in the Realisation, Date or Notes column · drag files onto a row to add evidence</translation>
    </message>
    <message>
        <source>Realisasi dapat diisi setelah SKP disetujui pejabat penilai kinerja.</source>
        <translation>The realisation can be filled in once the appraiser has approved the SKP.</translation>
    </message>
    <message>
        <source>Evaluasi {0} sudah difinalkan; realisasinya hanya dapat dibaca.</source>
        <translation>The {0} evaluation is finalised; its realisation is read only.</translation>
    </message>
    <message>
        <source>Realisasi diisi oleh pegawai yang bersangkutan; Anda hanya dapat membaca.</source>
        <translation>The realisation is filled in by the employee; you can only read it.</translation>
    </message>
    <message>
        <source>Tersimpan {0:%H.%M.%S}</source>
        <translation>Saved {0:%H:%M:%S}</translation>
    </message>
    <message>
        <source>(indikator tanpa uraian)</source>
        <translation>(indicator without description)</translation>
    </message>
    <message>
        <source>Hitung dari rencana aksi</source>
        <translation>Calculate from action plans</translation>
    </message>
    <message>
        <source>Isi realisasi indikator terpilih dengan jumlah realisasi rencana aksinya dalam periode ini</source>
        <translation>Fill in the selected indicator&apos;s realisation with the total of its action plans&apos; realisations in this period</translation>
    </message>
</context>
<context>
    <name>RealisationTableModel</name>
    <message>
        <source>{0} berkas</source>
        <extracomment>(indicator id, field, value, edit session) -&gt; refusal or None</extracomment>
        <translation>{0} files</translation>
    </message>
</context>
<context>
    <name>RecapTableModel</name>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Hari kerja</source>
        <translation>Working days</translation>
    </message>
    <message>
        <source>Tepat waktu</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Tidak diisi</source>
        <translation>Not recorded</translation>
    </message>
</context>
<context>
    <name>RecognitionPage</name>
    <message>
        <source>Penghargaan</source>
        <translation>Awards</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Seluruh instansi</source>
        <translation>Whole instansi</translation>
    </message>
    <message>
        <source>Semua yang saya nilai</source>
        <translation>Everyone I appraise</translation>
    </message>
    <message>
        <source>Calon penghargaan dari evaluasi yang sudah final: predikat Sangat Baik, dan hasil kerja yang ditandai pejabat penilai sebagai inovasi atau capaian luar biasa.</source>
        <translation>Award candidates from final evaluations: predikat Sangat Baik, and work results the pejabat penilai marked as an innovation or an outstanding result.</translation>
    </message>
    <message>
        <source>Catat Penghargaan…</source>
        <translation>Record Award…</translation>
    </message>
    <message>
        <source>Cetak Usulan…</source>
        <translation>Print Proposal Letter…</translation>
    </message>
    <message>
        <source>Cetak Daftar…</source>
        <translation>Print List…</translation>
    </message>
    <message>
        <source>Memuat calon penghargaan</source>
        <translation>Loading award candidates</translation>
    </message>
    <message>
        <source>{0}: {1} calon, {2} sudah menerima penghargaan</source>
        <translation>{0}: {1} candidates, {2} already received an award</translation>
    </message>
    <message>
        <source>Pilih calon di tabel terlebih dahulu.</source>
        <translation>Select a candidate in the table first.</translation>
    </message>
    <message>
        <source>Penghargaan tercatat.</source>
        <translation>Award recorded.</translation>
    </message>
    <message>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>{0} disimpan ke {1}.</source>
        <translation>{0} saved to {1}.</translation>
    </message>
    <message>
        <source>Tanda Tangani Daftar…</source>
        <translation>Sign List…</translation>
    </message>
    <message>
        <source>Pengelola kepegawaian menandatangani daftar ini secara elektronik</source>
        <translation>The personnel officer signs this list electronically</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Catat Penugasan dari SK</source>
        <translation>Record an Assignment from its Decree</translation>
    </message>
    <message>
        <source>sampai</source>
        <translation>until</translation>
    </message>
    <message>
        <source>NIP pejabat penilai pada penugasan ini</source>
        <translation>NIP of the appraising official in this assignment</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>TMT</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <source>Selesai (Plt./Plh.)</source>
        <translation>Ends (acting)</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Pejabat penilai</source>
        <translation>Appraising official</translation>
    </message>
    <message>
        <source>Nomor SK</source>
        <translation>Decree number</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Pulihkan dari Cadangan</source>
        <translation>Restore from Backup</translation>
    </message>
    <message>
        <source>Pilih cadangan. Cadangan dibuat otomatis sekali sehari saat aplikasi dibuka.</source>
        <translation>Choose a backup. Backups are made automatically once a day when the application opens.</translation>
    </message>
    <message>
        <source>{0} · {1:.1f} MB</source>
        <translation>{0} · {1:.1f} MB</translation>
    </message>
    <message>
        <source> · isi sebelum pemulihan</source>
        <translation> · content before a restore</translation>
    </message>
    <message>
        <source>Belum ada cadangan di komputer ini.</source>
        <translation>There is no backup on this computer yet.</translation>
    </message>
    <message>
        <source>&amp;Pulihkan…</source>
        <translation>&amp;Restore…</translation>
    </message>
</context>
<context>
    <name>ReturnNoteDialog</name>
    <message>
        <source>Kembalikan SKP</source>
        <translation>Return SKP</translation>
    </message>
    <message>
        <source>Tulis catatan untuk pegawai: apa yang perlu diperbaiki dalam SKP ini.</source>
        <translation>Write a note for the employee: what needs correcting in this SKP.</translation>
    </message>
    <message>
        <source>Misalnya: target kuantitas RHK nomor 2 belum terukur…</source>
        <translation>For example: the quantity target of RHK no. 2 is not measurable yet…</translation>
    </message>
    <message>
        <source>Kembalikan</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Periksa dan Ajukan</source>
        <translation>Review and Submit</translation>
    </message>
    <message>
        <source>Inilah SKP Anda sebagaimana tersimpan. Pilih Ajukan untuk mengirimkannya kepada pejabat penilai kinerja, atau Simpan Draf untuk melanjutkannya nanti.</source>
        <translation>This is your SKP as saved. Choose Submit to send it to your appraising official, or Save Draft to continue later.</translation>
    </message>
    <message>
        <source>Setelah diajukan, SKP terkunci sampai pejabat penilai menyetujuinya atau mengembalikannya dengan catatan.</source>
        <translation>Once submitted, the SKP is locked until the appraising official approves it or returns it with a note.</translation>
    </message>
</context>
<context>
    <name>RhkFeedbackModel</name>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Rencana Hasil Kerja</source>
        <translation>Planned Work Result (RHK)</translation>
    </message>
    <message>
        <source>Indikator Kinerja Individu
dan Target</source>
        <translation>Individual Performance
Indicator and Target</translation>
    </message>
    <message>
        <source>Realisasi</source>
        <translation>Realisation</translation>
    </message>
    <message>
        <source>Umpan Balik
Berkelanjutan</source>
        <translation>Continuous
feedback</translation>
    </message>
    <message>
        <source>• {0}{1} — target {2}</source>
        <translation>• {0}{1} — target {2}</translation>
    </message>
    <message>
        <source>belum diisi</source>
        <translation>not filled in</translation>
    </message>
    <message>
        <source> ({0} bukti)</source>
        <translation> ({0} evidence)</translation>
    </message>
</context>
<context>
    <name>RhkPage</name>
    <message>
        <source>Tulis RHK Anda</source>
        <translation>Write Your RHK</translation>
    </message>
    <message>
        <source>Tulis hasil kerja Anda sendiri, pada tingkat jabatan Anda, untuk setiap RHK pimpinan. Tulis hasil, bukan kegiatan.</source>
        <translation>Write your own work result, at the level of your position, for each leader&apos;s RHK. Write a result, not an activity.</translation>
    </message>
    <message>
        <source>Terselesaikannya verifikasi berkas permohonan KTP-el secara tepat waktu dan akurat</source>
        <translation>Terselesaikannya verifikasi berkas permohonan KTP-el secara tepat waktu dan akurat (e-ID applications verified, on time and accurately: a result)</translation>
    </message>
    <message>
        <source>Melaksanakan tugas yang diberikan pimpinan (kegiatan, bukan hasil; tidak terukur)</source>
        <translation>Melaksanakan tugas yang diberikan pimpinan (carry out the tasks given: an activity, not a result; not measurable)</translation>
    </message>
    <message>
        <source>RHK {0}</source>
        <translation>RHK {0}</translation>
    </message>
    <message>
        <source>Mendukung RHK pimpinan: &lt;i&gt;{0}&lt;/i&gt;</source>
        <translation>Supports the leader&apos;s RHK: &lt;i&gt;{0}&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Terselesaikannya … / Tersusunnya … / Tersedianya …</source>
        <translation>Terselesaikannya … / Tersusunnya … / Tersedianya …</translation>
    </message>
    <message>
        <source>Rencana Hasil Kerja {0}</source>
        <translation>Planned work result {0}</translation>
    </message>
    <message>
        <source>Kalimat ini terdengar seperti kegiatan. Tuliskan hasilnya, misalnya “Tersusunnya laporan …” alih-alih “Menyusun laporan …”.</source>
        <translation>This reads like an activity. Write its result, for example “Tersusunnya laporan …” (report completed) instead of “Menyusun laporan …” (write a report).</translation>
    </message>
    <message>
        <source>Terlalu singkat: sebutkan hasil apa yang diwujudkan.</source>
        <translation>Too short: say which result is delivered.</translation>
    </message>
    <message>
        <source>Meningkatnya kepuasan masyarakat terhadap pelayanan administrasi kependudukan</source>
        <translation>Increased public satisfaction with civil registration services</translation>
    </message>
    <message>
        <source>Melaksanakan koordinasi pelayanan (kegiatan, bukan hasil; tidak terukur)</source>
        <translation>Coordinating services (an activity, not a result; not measurable)</translation>
    </message>
    <message>
        <source>Tulis hasil kerja Anda, pada tingkat jabatan Anda, untuk setiap perspektif yang dipilih. Tulis hasil yang dirasakan, bukan kegiatan.</source>
        <translation>Write your own results, at the level of your position, for each chosen perspective. Write results people notice, not activities.</translation>
    </message>
    <message>
        <source>Perspektif &lt;b&gt;{0}&lt;/b&gt;: {1}.</source>
        <translation>Perspective &lt;b&gt;{0}&lt;/b&gt;: {1}.</translation>
    </message>
</context>
<context>
    <name>RhkTreeModel</name>
    <message>
        <source>Pendekatan kuantitatif: angka lalu satuan, misalnya “12 laporan”.</source>
        <extracomment>(kind, row id, field, value, edit session) -&gt; refusal or None (kind, row id, target group kind or rhk id, position) -&gt; refusal or None The roles ``RhkTreeModel.data`` answers below the alignment; any other is None at once.</extracomment>
        <translation>Quantitative approach: a number, then a unit, e.g. “12 reports”.</translation>
    </message>
    <message>
        <source>Pendekatan kualitatif: uraian target.</source>
        <translation>Qualitative approach: a description of the target.</translation>
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
    <name>SignDialog</name>
    <message>
        <source> periode {0}</source>
        <translation> period {0}</translation>
    </message>
    <message>
        <source>Tanda Tangani {0}</source>
        <translation>Sign {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} {1}{2}&lt;/b&gt;&lt;br&gt;Anda menandatangani sebagai &lt;b&gt;{3}&lt;/b&gt;.</source>
        <translation>&lt;b&gt;{0} {1}{2}&lt;/b&gt;&lt;br&gt;You are signing as &lt;b&gt;{3}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>{0} (NIP {1}), s.d. {2}</source>
        <translation>{0} (NIP {1}), until {2}</translation>
    </message>
    <message>
        <source>Berkas .p12 lain…</source>
        <translation>Another .p12 file…</translation>
    </message>
    <message>
        <source>Berkas .p12 / .pfx</source>
        <translation>.p12 / .pfx file</translation>
    </message>
    <message>
        <source>Sertifikat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Kata sandi sertifikat</source>
        <translation>Certificate password</translation>
    </message>
    <message>
        <source>Antrekan juga untuk TTE tersertifikasi (server BSrE instansi) saat daring</source>
        <translation>Also queue for a certified electronic signature (TTE, the agency&apos;s BSrE server) when online</translation>
    </message>
    <message>
        <source>NIK (16 digit) untuk server TTE</source>
        <translation>NIK (16 digits) for the TTE server</translation>
    </message>
    <message>
        <source>Tanda tangani</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Pilih sertifikat</source>
        <translation>Choose certificate</translation>
    </message>
    <message>
        <source>Pilih sertifikat terlebih dahulu.</source>
        <translation>Choose a certificate first.</translation>
    </message>
    <message>
        <source>NIK harus 16 digit angka.</source>
        <translation>The NIK must be 16 digits.</translation>
    </message>
    <message>
        <source>Sedang menandatangani…</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <source> Dokumen masuk antrean TTE tersertifikasi.</source>
        <translation> The document is queued for the certified TTE.</translation>
    </message>
    <message>
        <source>Ditandatangani oleh {0} pada {1:%d-%m-%Y %H:%M} {2} (PAdES {3}). Status dokumen: {4}.{5}{6}</source>
        <translation>Signed by {0} on {1:%d-%m-%Y %H:%M} {2} (PAdES {3}). Document status: {4}.{5}{6}</translation>
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
    <name>SignatureTableModel</name>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Penanda tangan</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>PAdES {0}</source>
        <translation>PAdES {0}</translation>
    </message>
    <message>
        <source>Sah</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Tidak sah: </source>
        <translation>Not valid: </translation>
    </message>
    <message>
        <source>Utuh, sertifikat dipercaya, tidak diubah setelah ditandatangani.</source>
        <translation>Intact, certificate trusted, not changed after signing.</translation>
    </message>
</context>
<context>
    <name>SignedDocumentsModel</name>
    <message>
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ditandatangani oleh</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>Diperbarui</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>SignedDocumentsPanel</name>
    <message>
        <source>Perpanjang keabsahan (LTV)</source>
        <translation>Extend validity (LTV)</translation>
    </message>
    <message>
        <source>Tambahkan cap waktu dokumen dan data validasi (PAdES B-LTA) dari server cap waktu instansi, agar tanda tangan yang sah hari ini tetap dapat dibuktikan sah setelah sertifikatnya kedaluwarsa.</source>
        <translation>Add a document timestamp and validation data (PAdES B-LTA) from the agency&apos;s timestamp server, so that signatures valid today can still be proven valid after their certificates expire.</translation>
    </message>
    <message>
        <source>Meminta cap waktu dokumen dari server cap waktu…</source>
        <translation>Requesting a document timestamp from the timestamp server…</translation>
    </message>
    <message>
        <source>Keabsahan dokumen diperpanjang ({0}): tanda tangannya tetap dapat dibuktikan sah setelah sertifikatnya kedaluwarsa.</source>
        <translation>Document validity extended ({0}): its signatures can still be proven valid after their certificates expire.</translation>
    </message>
    <message>
        <source>Perpanjang keabsahan gagal: {0}</source>
        <translation>Extending validity failed: {0}</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Ekspor…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Simpan PDF tersimpan apa adanya (byte demi byte), sehingga tanda tangannya tetap dapat diperiksa.</source>
        <translation>Save the stored PDF exactly as it is (byte for byte), so its signatures can still be checked.</translation>
    </message>
    <message>
        <source>Periksa tanda tangan</source>
        <translation>Check signatures</translation>
    </message>
    <message>
        <source>Tanda tangani…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <source>Dokumen yang ditandatangani tersimpan di sini; tanda tangan lama tetap utuh setelah Revisi.</source>
        <translation>Signed documents are kept here; earlier signatures stay intact after a revision.</translation>
    </message>
    <message>
        <source>Belum ada dokumen yang ditandatangani.</source>
        <translation>No signed documents yet.</translation>
    </message>
    <message>
        <source>Ekspor dokumen bertanda tangan</source>
        <translation>Export signed document</translation>
    </message>
    <message>
        <source>Ekspor gagal: {0}</source>
        <translation>Export failed: {0}</translation>
    </message>
    <message>
        <source>Diekspor ke {0}.</source>
        <translation>Exported to {0}.</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SigningIntegration</name>
    <message>
        <source>Perpanjang &amp;Keabsahan (LTV)…</source>
        <translation>Extend &amp;Validity (LTV)…</translation>
    </message>
    <message>
        <source>Cap waktu dokumen dan data validasi (PAdES B-LTA) untuk dokumen bertanda tangan yang tersimpan di komputer ini</source>
        <translation>Document timestamp and validation data (PAdES B-LTA) for the signed documents stored on this computer</translation>
    </message>
    <message>
        <source>Perpanjang keabsahan (LTV)</source>
        <translation>Extend validity (LTV)</translation>
    </message>
    <message>
        <source>Buka dulu unit kerja yang penetapannya akan ditandatangani.</source>
        <translation>First open the work unit whose predicate decision is to be signed.</translation>
    </message>
    <message>
        <source>Penetapan predikat kinerja</source>
        <translation>Performance predicate decision</translation>
    </message>
    <message>
        <source>Tetapkan juga predikat pegawai di sub-unitnya?</source>
        <translation>Also decide the predicates of staff in its sub-units?</translation>
    </message>
    <message>
        <source>&amp;Periksa Tanda Tangan…</source>
        <translation>&amp;Check Signatures…</translation>
    </message>
    <message>
        <source>&amp;Sertifikat Tanda Tangan…</source>
        <translation>Signing &amp;Certificates…</translation>
    </message>
    <message>
        <source>Tanda tangan</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>&amp;Tanda Tangani…</source>
        <translation>&amp;Sign…</translation>
    </message>
    <message>
        <source>Tanda tangani SKP, evaluasi atau penetapan pegawai yang dipilih di daftar atau yang halamannya terbuka</source>
        <translation>Sign the SKP, evaluation or determination of the employee selected in the list or whose page is open</translation>
    </message>
    <message>
        <source>Tanda Tangani</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Dokumen yang akan ditandatangani:</source>
        <translation>Document to sign:</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pilih pegawai di daftar, atau buka halamannya, lalu pilih Tanda Tangani.</source>
        <translation>Select an employee in the list, or open their page, then choose Sign.</translation>
    </message>
</context>
<context>
    <name>SurveyFormDialog</name>
    <message>
        <source>Ubah Survei</source>
        <extracomment>The periods a survey is usually run for (the regulation: at least once a year).</extracomment>
        <translation>Edit Survey</translation>
    </message>
    <message>
        <source>Survei Baru</source>
        <translation>New Survey</translation>
    </message>
    <message>
        <source>Satu jenis layanan per baris, misalnya:
Kartu Keluarga
Akta Kelahiran</source>
        <translation>One service per line, for example:
Kartu Keluarga (family card)
Akta Kelahiran (birth certificate)</translation>
    </message>
    <message>
        <source>tidak diketahui</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Unit pelayanan</source>
        <translation>Service unit</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Jenis layanan</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Populasi pengguna layanan</source>
        <translation>Population of service users</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Isi populasi untuk melihat jumlah sampel minimal.</source>
        <translation>Fill in the population to see the minimum sample size.</translation>
    </message>
    <message>
        <source>Sampel minimal: &lt;b&gt;{0}&lt;/b&gt; responden (tabel Krejcie-Morgan, lampiran PermenPAN-RB 14/2017)</source>
        <translation>Minimum sample: &lt;b&gt;{0}&lt;/b&gt; respondents (Krejcie-Morgan table, annex to PermenPAN-RB 14/2017)</translation>
    </message>
</context>
<context>
    <name>SurveyPage</name>
    <message>
        <source>Survei Kepuasan Masyarakat</source>
        <translation>Public Satisfaction Survey</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:13pt; font-weight:bold&apos;&gt;Survei Kepuasan Masyarakat&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;font-size:13pt; font-weight:bold&apos;&gt;Public Satisfaction Survey&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Tahun:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>semua</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Survei baru…</source>
        <translation>New survey…</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Tutup survei</source>
        <translation>Close survey</translation>
    </message>
    <message>
        <source>Buka kios…</source>
        <translation>Open kiosk…</translation>
    </message>
    <message>
        <source>Kuesioner layar penuh untuk warga; keluar memerlukan kata sandi admin</source>
        <translation>Full-screen questionnaire for the public; leaving it requires the admin password</translation>
    </message>
    <message>
        <source>&lt;b&gt;Impor tanggapan dari CSV/XLSX&lt;/b&gt; (kolom U1 … U9 berisi 1-4; tanggal, usia, jenis_kelamin, pendidikan, pekerjaan, layanan boleh ada)</source>
        <translation>&lt;b&gt;Import responses from CSV/XLSX&lt;/b&gt; (columns U1 … U9 hold 1-4; tanggal, usia, jenis_kelamin, pendidikan, pekerjaan, layanan are optional)</translation>
    </message>
    <message>
        <source>Impor tanggapan…</source>
        <translation>Import responses…</translation>
    </message>
    <message>
        <source>Periksa berkas saja…</source>
        <translation>Only check a file…</translation>
    </message>
    <message>
        <source>Simpan templat…</source>
        <translation>Save template…</translation>
    </message>
    <message>
        <source>lewati baris bermasalah</source>
        <translation>skip rows with problems</translation>
    </message>
    <message>
        <source>Baris yang salah akan tercantum di sini dengan nomor baris dan kolomnya.</source>
        <translation>Rows with errors will be listed here with their row number and column.</translation>
    </message>
    <message>
        <source>Memuat survei</source>
        <translation>Loading the surveys</translation>
    </message>
    <message>
        <source>Belum ada survei untuk tahun ini. Pilih &lt;b&gt;Survei baru…&lt;/b&gt; untuk membuka survei sebuah unit pelayanan.</source>
        <translation>There is no survey for this year yet. Choose &lt;b&gt;New survey…&lt;/b&gt; to open a survey for a service unit.</translation>
    </message>
    <message>
        <source>Buka kembali</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Jenis layanan: {0}</source>
        <translation>Services: {0}</translation>
    </message>
    <message>
        <source>Responden: {0}</source>
        <translation>Respondents: {0}</translation>
    </message>
    <message>
        <source> dari sampel minimal {0}</source>
        <translation> of a minimum sample of {0}</translation>
    </message>
    <message>
        <source> (dibatalkan: {0})</source>
        <translation> (voided: {0})</translation>
    </message>
    <message>
        <source>IKM &lt;b&gt;{0}&lt;/b&gt; · mutu {1} ({2})</source>
        <translation>IKM &lt;b&gt;{0}&lt;/b&gt; · quality {1} ({2})</translation>
    </message>
    <message>
        <source>Unsur terlemah: {0}</source>
        <translation>Weakest element: {0}</translation>
    </message>
    <message>
        <source>Dibanding survei sebelumnya: {0}</source>
        <translation>Compared with the previous survey: {0}</translation>
    </message>
    <message>
        <source>NRR per unsur: {0}</source>
        <translation>NRR per element: {0}</translation>
    </message>
    <message>
        <source>Belum ada IKM: setiap unsur perlu dijawab paling sedikit satu responden.</source>
        <translation>No IKM yet: every element needs an answer from at least one respondent.</translation>
    </message>
    <message>
        <source>Pilih berkas tanggapan survei</source>
        <translation>Choose a survey response file</translation>
    </message>
    <message>
        <source>Tanggapan survei (*.xlsx *.csv)</source>
        <translation>Survey responses (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Mengimpor…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Impor tanggapan survei</source>
        <translation>Import survey responses</translation>
    </message>
    <message>
        <source>Sudah pernah diimpor (dilewati):</source>
        <translation>Already imported (skipped):</translation>
    </message>
    <message>
        <source>Peringatan:</source>
        <translation>Warnings:</translation>
    </message>
    <message>
        <source>Simpan templat tanggapan</source>
        <translation>Save the response template</translation>
    </message>
    <message>
        <source>Menyimpan templat</source>
        <translation>Saving the template</translation>
    </message>
    <message>
        <source>Templat disimpan di {0}.</source>
        <translation>Template saved as {0}.</translation>
    </message>
</context>
<context>
    <name>SurveyTableModel</name>
    <message>
        <source>Kode unit</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>Unit pelayanan</source>
        <translation>Service unit</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Responden</source>
        <translation>Respondents</translation>
    </message>
    <message>
        <source>Sampel minimal</source>
        <translation>Minimum sample</translation>
    </message>
    <message>
        <source>IKM</source>
        <translation>IKM</translation>
    </message>
    <message>
        <source>Mutu</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>Berjalan</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Ditutup</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>{0} dari {1} responden yang diminta tabel sampel</source>
        <translation>{0} of the {1} respondents the sample table requires</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sinkronisasi: menunggu</source>
        <translation>Sync: waiting</translation>
    </message>
    <message>
        <source>Sinkronisasi pertama sebentar lagi.</source>
        <translation>The first sync starts in a moment.</translation>
    </message>
    <message>
        <source>Sinkronisasi: belum diatur</source>
        <translation>Sync: not set up</translation>
    </message>
    <message>
        <source>Atur penyimpanan bersama di menu Sinkronisasi &gt; Pengaturan.</source>
        <translation>Set up the shared store in Sync &gt; Settings.</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Sinkronisasi: berjalan…</source>
        <translation>Sync: running…</translation>
    </message>
    <message>
        <source>Sinkronisasi: perlu tindakan</source>
        <translation>Sync: action needed</translation>
    </message>
    <message>
        <source>Tersinkron {0}</source>
        <translation>Synchronised {0}</translation>
    </message>
    <message>
        <source> · {0} konflik</source>
        <translation> · {0} conflicts</translation>
    </message>
    <message>
        <source> · {0} menunggu</source>
        <translation> · {0} waiting</translation>
    </message>
    <message>
        <source>{0} dtk</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>{0:.0f} menit</source>
        <translation>{0:.0f} min</translation>
    </message>
    <message>
        <source>Sinkronisasi: luring, coba lagi dalam {0}</source>
        <translation>Sync: offline, retrying in {0}</translation>
    </message>
    <message>
        <source>Sinkronisasi dibatalkan</source>
        <translation>Sync cancelled</translation>
    </message>
    <message>
        <source>Yang sudah selesai tetap tersimpan.</source>
        <translation>What was finished stays saved.</translation>
    </message>
</context>
<context>
    <name>SyncIntegration</name>
    <message>
        <source>Sinkronkan &amp;Sekarang</source>
        <translation>Synchronise &amp;Now</translation>
    </message>
    <message>
        <source>Kirim dan terima perubahan sekarang (F6)</source>
        <translation>Send and receive changes now (F6)</translation>
    </message>
    <message>
        <source>&amp;Konflik…</source>
        <translation>&amp;Conflicts…</translation>
    </message>
    <message>
        <source>S&amp;tatus Sinkronisasi</source>
        <translation>Synchronisation S&amp;tatus</translation>
    </message>
    <message>
        <source>&amp;Pengaturan Sinkronisasi…</source>
        <translation>Synchronisation &amp;Settings…</translation>
    </message>
    <message>
        <source>Identitas Perangkat &amp;Baru…</source>
        <translation>&amp;New Device Identity…</translation>
    </message>
    <message>
        <source>Untuk database yang disalin dari komputer lain</source>
        <translation>For a database copied from another computer</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Data dengan lebih dari satu nilai</source>
        <translation>Data with more than one value</translation>
    </message>
    <message>
        <source>Status Sinkronisasi</source>
        <translation>Synchronisation status</translation>
    </message>
    <message>
        <source>Penyimpanan berubah</source>
        <translation>Storage changed</translation>
    </message>
    <message>
        <source>

Lanjutkan dengan penyimpanan ini?</source>
        <translation>

Continue with this storage?</translation>
    </message>
    <message>
        <source>Penghapusan massal</source>
        <translation>Mass deletion</translation>
    </message>
    <message>
        <source>

Teruskan penghapusan ini?</source>
        <translation>

Go ahead with this deletion?</translation>
    </message>
    <message>
        <source>Database salinan</source>
        <translation>Copied database</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Identitas perangkat baru</source>
        <translation>New device identity</translation>
    </message>
    <message>
        <source>Berikan identitas perangkat sendiri kepada database ini? Lakukan ini hanya jika database ini disalin dari komputer lain.</source>
        <translation>Give this database its own device identity? Only do this if the database was copied from another computer.</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <source>Pengaturan Sinkronisasi</source>
        <translation>Synchronisation Settings</translation>
    </message>
    <message>
        <source>D:\Kinerja  atau  https://server.kantor.go.id/webdav/kinerja</source>
        <translation>D:\Kinerja  or  https://server.kantor.go.id/webdav/kinerja</translation>
    </message>
    <message>
        <source>(tersimpan di keyring sistem)</source>
        <translation>(kept in the system keyring)</translation>
    </message>
    <message>
        <source> menit</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Pilih &amp;folder…</source>
        <translation>Choose &amp;folder…</translation>
    </message>
    <message>
        <source>&amp;Uji koneksi</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>Lokasi penyimpanan:</source>
        <translation>Storage location:</translation>
    </message>
    <message>
        <source>Nama pengguna:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Kata sandi:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Sinkron otomatis tiap:</source>
        <translation>Synchronise automatically every:</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Folder dapat berupa flashdisk atau drive jaringan. Untuk server, gunakan alamat WebDAV (Nextcloud, ownCloud, dsb.), sftp:// atau s3://. Sertifikat HTTPS selalu diperiksa.</source>
        <translation>The folder may be a USB stick or a network drive. For a server, use a WebDAV address (Nextcloud, ownCloud, etc.), sftp:// or s3://. HTTPS certificates are always checked.</translation>
    </message>
    <message>
        <source>Kunci akar instansi</source>
        <translation>Agency root key</translation>
    </message>
    <message>
        <source>Periksa &amp;&amp; &amp;percayai kunci di penyimpanan…</source>
        <translation>Check &amp;&amp; &amp;trust the key on the store…</translation>
    </message>
    <message>
        <source>Dari berkas &amp;pendaftaran…</source>
        <translation>From an &amp;enrolment file…</translation>
    </message>
    <message>
        <source>Dipercayai: &lt;b&gt;{0}&lt;/b&gt;. Perubahan dari komputer lain diterima hanya bila ditandatangani penulisnya menurut daftar pegawai yang ditandatangani kunci ini.</source>
        <translation>Trusted: &lt;b&gt;{0}&lt;/b&gt;. Changes from other computers are accepted only when signed by their authors according to the roster signed by this key.</translation>
    </message>
    <message>
        <source>Belum ada. Perubahan dari komputer lain belum diterapkan sampai kunci akar dari kantor pusat dipercayai: cocokkan sidik jarinya, atau pakai berkas pendaftaran dari kantor pusat.</source>
        <translation>None yet. Changes from other computers are not applied until the central office&apos;s root key is trusted: compare its fingerprint, or use the enrolment file from the central office.</translation>
    </message>
    <message>
        <source>Ganti kunci akar</source>
        <translation>Replace root key</translation>
    </message>
    <message>
        <source>Komputer ini sudah mempercayai kunci lain ({0}). Ganti hanya bila kantor pusat memberi tahu bahwa kunci akar memang diganti. Ganti sekarang?</source>
        <translation>This computer already trusts another key ({0}). Replace it only when the central office says the root key has really been replaced. Replace now?</translation>
    </message>
    <message>
        <source>Kunci akar tidak sah.</source>
        <translation>The root key is not valid.</translation>
    </message>
    <message>
        <source>Membaca kunci akar</source>
        <translation>Reading the root key</translation>
    </message>
    <message>
        <source>Penyimpanan belum memuat daftar pegawai bertanda tangan dari kantor pusat.</source>
        <translation>The store holds no signed roster from the central office yet.</translation>
    </message>
    <message>
        <source>Cocokkan sidik jari</source>
        <translation>Compare the fingerprint</translation>
    </message>
    <message>
        <source>Sidik jari kunci akar di penyimpanan:&lt;br&gt;&lt;br&gt;&lt;b&gt;&lt;tt&gt;{0}&lt;/tt&gt;&lt;/b&gt;&lt;br&gt;&lt;br&gt;Apakah sama persis dengan sidik jari yang diberikan kantor pusat (di kertas, lewat telepon)? Jika tidak, jangan lanjutkan.</source>
        <translation>Fingerprint of the root key on the store:&lt;br&gt;&lt;br&gt;&lt;b&gt;&lt;tt&gt;{0}&lt;/tt&gt;&lt;/b&gt;&lt;br&gt;&lt;br&gt;Is it exactly the fingerprint the central office gave you (on paper, by phone)? If not, do not go on.</translation>
    </message>
    <message>
        <source>&amp;Sama persis, percayai</source>
        <translation>&amp;Exactly the same, trust it</translation>
    </message>
    <message>
        <source>&amp;Tidak sama</source>
        <translation>&amp;Not the same</translation>
    </message>
    <message>
        <source>Berkas pendaftaran dari kantor pusat</source>
        <translation>Enrolment file from the central office</translation>
    </message>
    <message>
        <source>Berkas pendaftaran (*.json)</source>
        <translation>Enrolment file (*.json)</translation>
    </message>
    <message>
        <source>Berkas pendaftaran tidak dapat dibaca.</source>
        <translation>The enrolment file cannot be read.</translation>
    </message>
    <message>
        <source>Pilih folder penyimpanan bersama</source>
        <translation>Choose the shared storage folder</translation>
    </message>
    <message>
        <source>Menghubungi…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Uji koneksi</source>
        <translation>Test connection</translation>
    </message>
</context>
<context>
    <name>SyncStatusPage</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Pegawai</source>
        <translation>Employee</translation>
    </message>
    <message>
        <source>Diubah</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Karantina</source>
        <translation>Quarantine</translation>
    </message>
    <message>
        <source>&amp;Muat ulang</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>Buka &amp;Konflik</source>
        <translation>Open &amp;Conflicts</translation>
    </message>
    <message>
        <source>Memuat status sinkronisasi…</source>
        <translation>Loading synchronisation status…</translation>
    </message>
    <message>
        <source>Memuat status sinkronisasi</source>
        <translation>Loading synchronisation status</translation>
    </message>
    <message>
        <source>belum diatur</source>
        <translation>not set up</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Penyimpanan: {0} · terakhir sinkron: {1} · {2} perubahan menunggu dikirim · {3} konflik · {4} ditolak. Data yang tidak tercantum sudah tersinkron.</source>
        <translation>Storage: {0} · last synchronised: {1} · {2} changes waiting to be sent · {3} conflicts · {4} rejected. Data not listed is synchronised.</translation>
    </message>
    <message>
        <source>Komputer ini menyimpan data seluruh instansi.</source>
        <translation>This computer holds the data of the whole agency.</translation>
    </message>
    <message>
        <source>Komputer ini menyimpan lingkup {0}: {1} pegawai.</source>
        <translation>This computer holds the scope of {0}: {1} employees.</translation>
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
    <name>TeamDialog</name>
    <message>
        <source>Tim Kerja</source>
        <translation>Work Team</translation>
    </message>
    <message>
        <source>Nama tim</source>
        <translation>Team name</translation>
    </message>
    <message>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>NIP anggota (boleh dari unit lain)</source>
        <translation>Member NIP (any unit)</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Keluarkan dari tim</source>
        <translation>Remove from team</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>NIP {0} tidak ada di daftar pegawai.</source>
        <translation>NIP {0} is not on the roster.</translation>
    </message>
</context>
<context>
    <name>TeamWeekPage</name>
    <message>
        <source>Progres Tim (Mingguan)</source>
        <translation>Team Progress (Weekly)</translation>
    </message>
    <message>
        <source>Minggu sebelumnya (Alt+Left)</source>
        <translation>Previous week (Alt+Left)</translation>
    </message>
    <message>
        <source>Minggu berikutnya (Alt+Right)</source>
        <translation>Next week (Alt+Right)</translation>
    </message>
    <message>
        <source>Umpan balik singkat untuk progres yang dipilih (Enter)</source>
        <translation>Short feedback on the selected progress entry (Enter)</translation>
    </message>
    <message>
        <source>Umpan balik</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Simpan umpan balik</source>
        <translation>Save feedback</translation>
    </message>
    <message>
        <source>Minggu {0} {1} – {2} {3} {4}</source>
        <translation>Week of {0} {1} – {2} {3} {4}</translation>
    </message>
    <message>
        <source>{0} pegawai; {1} sudah mengisi semua hari kerja minggu ini.</source>
        <translation>{0} employees; {1} have recorded every working day this week.</translation>
    </message>
    <message>
        <source>Ada yang belum diisi: {0}.</source>
        <translation>Not complete yet: {0}.</translation>
    </message>
    <message>
        <source>{0}: {1} progres minggu ini</source>
        <translation>{0}: {1} progress entries this week</translation>
    </message>
    <message>
        <source>Pilih dulu progres yang akan diberi umpan balik.</source>
        <translation>First choose the progress entry to give feedback on.</translation>
    </message>
    <message>
        <source>Umpan balik disimpan.</source>
        <translation>Feedback saved.</translation>
    </message>
</context>
<context>
    <name>TindakLanjut</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Predikat</source>
        <translation>Predikat</translation>
    </message>
    <message>
        <source>Dasar</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Penghargaan</source>
        <translation>Awards</translation>
    </message>
    <message>
        <source>belum diberikan</source>
        <translation>not given yet</translation>
    </message>
    <message>
        <source>JP selesai</source>
        <translation>JP done</translation>
    </message>
    <message>
        <source>JP direncanakan</source>
        <translation>JP planned</translation>
    </message>
    <message>
        <source>Kekurangan</source>
        <translation>Shortfall</translation>
    </message>
    <message>
        <source>{0} JP</source>
        <translation>{0} JP</translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Bentuk</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Topik</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Kompetensi</source>
        <translation>Competency</translation>
    </message>
    <message>
        <source>Jadwal</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sertifikat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Asal</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Standar</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Tingkat</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>belum dinilai</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <source>Kesenjangan</source>
        <translation>Gap</translation>
    </message>
</context>
<context>
    <name>TindakLanjutIntegration</name>
    <message>
        <source>Pengharga&amp;an</source>
        <translation>&amp;Awards</translation>
    </message>
    <message>
        <source>Calon dan penerima penghargaan dari hasil evaluasi kinerja</source>
        <translation>Award candidates and recipients from the performance evaluations</translation>
    </message>
    <message>
        <source>Rekap Pengembangan &amp;Kompetensi (20 JP)</source>
        <translation>&amp;Competency Development Recap (20 JP)</translation>
    </message>
    <message>
        <source>JP pengembangan kompetensi per pegawai dan unit terhadap hak 20 JP</source>
        <translation>Competency development hours per employee and unit against the 20 JP entitlement</translation>
    </message>
    <message>
        <source>Impor Standar/Hasil &amp;Kompetensi…</source>
        <translation>Import Competency &amp;Standards/Results…</translation>
    </message>
    <message>
        <source>Standar kompetensi jabatan atau hasil assessment center dari Excel/CSV</source>
        <translation>Position competency standards or assessment centre results from Excel/CSV</translation>
    </message>
</context>
<context>
    <name>UnitProgressModel</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
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
        <source>Evaluasi</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>Predikat</source>
        <translation>Predikat</translation>
    </message>
    <message>
        <source>Belum ada</source>
        <extracomment>Filter keys of :class:`ProgressFilterProxy`.</extracomment>
        <translation>None yet</translation>
    </message>
</context>
<context>
    <name>UnitTreeModel</name>
    <message>
        <source>{0} (kode {1})</source>
        <extracomment>Number of employees in the unit and all units below it (when counts were given). Names more than one unit has (&quot;Seksi Pelayanan&quot; in every kecamatan): shown with their code.</extracomment>
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
    <name>UnitView</name>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Tahun {0}</source>
        <translation>Year {0}</translation>
    </message>
    <message>
        <source>Periode:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Predikat organisasi:</source>
        <translation>Organisational predikat:</translation>
    </message>
    <message>
        <source>Predikat kinerja organisasi unit (ditetapkan pimpinan satu tingkat di atasnya). Pilih predikat lain untuk melihat aturan kurvanya.</source>
        <translation>The unit&apos;s organisational performance predikat (set by the leader one level above). Choose another predikat to see its curve rules.</translation>
    </message>
    <message>
        <source>sesuai penetapan</source>
        <translation>as determined</translation>
    </message>
    <message>
        <source>termasuk unit di bawahnya</source>
        <translation>including units below it</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kemajuan pegawai&lt;/b&gt;</source>
        <translation>&lt;b&gt;Employee progress&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cari nama, NIP atau jabatan…</source>
        <translation>Search name, NIP or position…</translation>
    </message>
    <message>
        <source>Semua pegawai</source>
        <translation>All employees</translation>
    </message>
    <message>
        <source>Belum punya SKP disetujui</source>
        <translation>No approved SKP yet</translation>
    </message>
    <message>
        <source>Belum dievaluasi</source>
        <translation>Not evaluated yet</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Memuat tampilan unit</source>
        <translation>Loading the unit view</translation>
    </message>
    <message>
        <source>Pola distribusi predikat · {0} ({1} dari {2} pegawai berpredikat)</source>
        <translation>Predikat distribution · {0} ({1} of {2} employees rated)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kurva distribusi:&lt;/b&gt; predikat kinerja organisasi unit ini belum ditetapkan untuk periode ini. Pilih predikat organisasi di atas untuk melihat aturannya.</source>
        <translation>&lt;b&gt;Distribution curve:&lt;/b&gt; this unit&apos;s organisational performance predikat is not set for this period. Choose an organisational predikat above to see its rules.</translation>
    </message>
    <message>
        <source> (sesuai penetapan)</source>
        <translation> (as determined)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kurva distribusi untuk unit berpredikat {0}&lt;/b&gt;{1}:</source>
        <translation>&lt;b&gt;Distribution curve for a unit rated {0}&lt;/b&gt;{1}:</translation>
    </message>
    <message>
        <source>Belum ada pegawai berpredikat pada periode ini.</source>
        <translation>No employee has a predikat in this period yet.</translation>
    </message>
    <message>
        <source>Aturan yang dilanggar ({0}):</source>
        <translation>Rules broken ({0}):</translation>
    </message>
    <message>
        <source>✓ Sebaran predikat sesuai kurva distribusi.</source>
        <translation>✓ The predikat distribution follows the curve.</translation>
    </message>
    <message>
        <source>SKP disetujui: &lt;b&gt;{0}&lt;/b&gt; dari {1} · Sudah dievaluasi: &lt;b&gt;{2}&lt;/b&gt; dari {3}</source>
        <translation>SKP approved: &lt;b&gt;{0}&lt;/b&gt; of {1} · Evaluated: &lt;b&gt;{2}&lt;/b&gt; of {3}</translation>
    </message>
    <message>
        <source>Survei Kepuasan Masyarakat</source>
        <translation>Public Satisfaction Survey</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Periksa Tanda Tangan Dokumen</source>
        <translation>Check Document Signatures</translation>
    </message>
    <message>
        <source>Belum ada berkas dipilih.</source>
        <translation>No file chosen yet.</translation>
    </message>
    <message>
        <source>Pilih PDF…</source>
        <translation>Choose PDF…</translation>
    </message>
    <message>
        <source>Tempel isi kode QR lembar cetak (KINERJA:…)</source>
        <translation>Paste the QR code content of a printed sheet (KINERJA:…)</translation>
    </message>
    <message>
        <source>Periksa QR</source>
        <translation>Check QR</translation>
    </message>
    <message>
        <source>Pilih PDF bertanda tangan</source>
        <translation>Choose a signed PDF</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Berkas tidak dapat dibaca: {0}</source>
        <translation>The file cannot be read: {0}</translation>
    </message>
</context>
<context>
    <name>WeekTableModel</name>
    <message>
        <source>Pegawai</source>
        <translation>Employee</translation>
    </message>
    <message>
        <source>Belum diisi</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>belum</source>
        <translation>none</translation>
    </message>
    <message>
        <source>{0} progres, terlambat</source>
        <translation>{0} progress entries, late</translation>
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
        <source>Komputer ini untuk &amp;saya: bergabung dengan kantor yang sudah memakai Kinerja Desktop</source>
        <translation>This computer is for &amp;me: join an office that already uses Kinerja Desktop</translation>
    </message>
    <message>
        <source>Kantor demo berisi pegawai, SKP, realisasi dan evaluasi rekaan. Jangan dipakai untuk data sungguhan; buat database baru untuk kantor Anda.</source>
        <translation>The demo office holds made-up employees, SKP plans, realisations and evaluations. Do not use it for real data; make a new database for your office.</translation>
    </message>
</context>
<context>
    <name>WorkflowBar</name>
    <message>
        <source>Versi SKP (versi lama hanya dapat dibaca)</source>
        <translation>SKP version (old versions are read only)</translation>
    </message>
    <message>
        <source>Pendekatan {0}</source>
        <translation>{0} approach</translation>
    </message>
    <message>
        <source>↶ Batalkan</source>
        <translation>↶ Undo</translation>
    </message>
    <message>
        <source>↷ Ulangi</source>
        <translation>↷ Redo</translation>
    </message>
    <message>
        <source>Ajukan</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Ajukan SKP kepada pejabat penilai kinerja</source>
        <translation>Submit the SKP to the performance appraiser</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Kembalikan…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>Revisi</source>
        <translation>Revise</translation>
    </message>
    <message>
        <source>Buat versi baru SKP untuk diubah; versi ini tetap tersimpan</source>
        <translation>Create a new SKP version to edit; this version is kept</translation>
    </message>
    <message>
        <source>Versi {0} · {1}</source>
        <translation>Version {0} · {1}</translation>
    </message>
</context>
<context>
    <name>YearDialog</name>
    <message>
        <source>Penugasan dan SKP {0} — {1}</source>
        <translation>Assignments and SKP {0} — {1}</translation>
    </message>
    <message>
        <source>&lt;b&gt;SKP tahun ini&lt;/b&gt;</source>
        <translation>&lt;b&gt;This year&apos;s SKP&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Penugasan (dari SK)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Assignments (from decrees)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Catat Penugasan…</source>
        <translation>Record Assignment…</translation>
    </message>
    <message>
        <source>Buka SKP Penugasan</source>
        <translation>Open the Assignment&apos;s SKP</translation>
    </message>
    <message>
        <source>Terapkan ke Evaluasi Tahunan</source>
        <translation>Apply to the Annual Evaluation</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>dibuka</source>
        <translation>opened</translation>
    </message>
    <message>
        <source>belum dibuka</source>
        <translation>not opened</translation>
    </message>
    <message>
        <source>Aturan instansi: {0}</source>
        <translation>Agency rule: {0}</translation>
    </message>
    <message>
        <source>Predikat tahunan gabungan: {0}</source>
        <translation>Combined annual predicate: {0}</translation>
    </message>
    <message>
        <source>Pilih penugasannya dahulu.</source>
        <translation>Choose the assignment first.</translation>
    </message>
    <message>
        <source>SKP untuk penugasan ini terbuka; susun RHK-nya di halaman SKP.</source>
        <translation>The SKP for this assignment is open; write its RHK on the SKP page.</translation>
    </message>
    <message>
        <source>Rating gabungan ditulis ke evaluasi tahunan SKP sekarang.</source>
        <translation>The combined ratings were written into the current SKP&apos;s annual evaluation.</translation>
    </message>
    <message>
        <source>NIP penilai {0} tidak ada di daftar pegawai.</source>
        <translation>Appraiser NIP {0} is not on the roster.</translation>
    </message>
</context>
<context>
    <name>_FeedbackModel</name>
    <message>
        <source>(tulis umpan balik…)</source>
        <extracomment>(row key, text, edit session) -&gt; refusal or None</extracomment>
        <translation>(write feedback…)</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>background</name>
    <message>
        <source>Tanda tangan elektronik</source>
        <translation>Electronic signature</translation>
    </message>
</context>
<context>
    <name>backup_actions</name>
    <message>
        <source>&amp;Pulihkan dari Cadangan…</source>
        <translation>&amp;Restore from Backup…</translation>
    </message>
    <message>
        <source>Kembalikan data komputer ini ke cadangan harian yang dipilih</source>
        <translation>Return this computer&apos;s data to the chosen daily backup</translation>
    </message>
    <message>
        <source>Buat &amp;Cadangan Sekarang</source>
        <translation>Make a &amp;Backup Now</translation>
    </message>
    <message>
        <source>Salin database ke folder cadangan sekarang</source>
        <translation>Copy the database to the backup folder now</translation>
    </message>
    <message>
        <source>Memeriksa database</source>
        <translation>Checking the database</translation>
    </message>
    <message>
        <source>Database diperiksa: baik. Cadangan hari ini dibuat.</source>
        <translation>Database checked: sound. Today&apos;s backup was made.</translation>
    </message>
    <message>
        <source> Cadangan terakhir: {0}.</source>
        <translation> Latest backup: {0}.</translation>
    </message>
    <message>
        <source> Belum ada cadangan di komputer ini.</source>
        <translation> There is no backup on this computer yet.</translation>
    </message>
    <message>
        <source>Database rusak</source>
        <translation>Database damaged</translation>
    </message>
    <message>
        <source>Pemeriksaan menemukan kerusakan pada database di komputer ini. Jangan mengisi data dulu: pulihkan dari cadangan, atau hubungi admin.</source>
        <translation>The check found damage in this computer&apos;s database. Do not enter data for now: restore from a backup, or contact the administrator.</translation>
    </message>
    <message>
        <source>Pulihkan dari Cadangan…</source>
        <translation>Restore from Backup…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Membuat cadangan</source>
        <translation>Making a backup</translation>
    </message>
    <message>
        <source>Cadangan dibuat: {0}</source>
        <translation>Backup made: {0}</translation>
    </message>
    <message>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Semua data di komputer ini akan dikembalikan ke keadaan {0}; perubahan sesudahnya di komputer ini hilang (data yang sudah tersinkron datang lagi pada sinkronisasi berikutnya). Isi sekarang disimpan dulu sebagai cadangan tersendiri. Lanjutkan?</source>
        <translation>All data on this computer will be returned to its state of {0}; later changes on this computer are lost (data already synchronised comes back with the next synchronisation). The current content is first saved as a separate backup. Continue?</translation>
    </message>
    <message>
        <source>Memulihkan data</source>
        <translation>Restoring data</translation>
    </message>
    <message>
        <source>Data dipulihkan</source>
        <translation>Data restored</translation>
    </message>
    <message>
        <source>Data dipulihkan dari cadangan. Silakan masuk lagi.</source>
        <translation>Data restored from the backup. Please sign in again.</translation>
    </message>
</context>
<context>
    <name>confirm_step</name>
    <message>
        <source>Semua isian sudah lengkap.</source>
        <translation>Everything is filled in.</translation>
    </message>
    <message>
        <source>Yang belum lengkap:</source>
        <translation>Still incomplete:</translation>
    </message>
</context>
<context>
    <name>conflict_view</name>
    <message>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>controller</name>
    <message>
        <source>Validasi jangka panjang</source>
        <translation>Long-term validation</translation>
    </message>
    <message>
        <source>Menyiapkan</source>
        <translation>Preparing</translation>
    </message>
    <message>
        <source>Mengunggah</source>
        <translation>Uploading</translation>
    </message>
    <message>
        <source>Mengunduh</source>
        <translation>Downloading</translation>
    </message>
    <message>
        <source>Menerapkan</source>
        <translation>Applying</translation>
    </message>
    <message>
        <source>, sisa ~{0:.0f} dtk</source>
        <translation>, ~{0:.0f} s left</translation>
    </message>
</context>
<context>
    <name>distribution_chart</name>
    <message>
        <source>atau</source>
        <translation>or</translation>
    </message>
    <message>
        <source>dan</source>
        <translation>and</translation>
    </message>
    <message>
        <source>Paling sedikit satu pegawai berpredikat {0}</source>
        <translation>At least one employee rated {0}</translation>
    </message>
    <message>
        <source>Tidak boleh ada pegawai berpredikat {0}</source>
        <translation>No employee may be rated {0}</translation>
    </message>
    <message>
        <source>Predikat {0} paling banyak {1} pegawai</source>
        <translation>Predikat {0}: at most {1} of employees</translation>
    </message>
    <message>
        <source> bersama-sama</source>
        <translation> together</translation>
    </message>
    <message>
        <source>Predikat {0}{1} paling sedikit {2} pegawai</source>
        <translation>Predikat {0}{1}: at least {2} of employees</translation>
    </message>
</context>
<context>
    <name>evidence_model</name>
    <message>
        <source>Nama berkas</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>evidence_panel</name>
    <message>
        <source>Bukti dukung (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.txt *.csv *.zip);;Semua berkas (*)</source>
        <translation>Supporting evidence (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.txt *.csv *.zip);;All files (*)</translation>
    </message>
</context>
<context>
    <name>file_dialogs</name>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>Januari</source>
        <translation>January</translation>
    </message>
    <message>
        <source>Februari</source>
        <translation>February</translation>
    </message>
    <message>
        <source>Maret</source>
        <translation>March</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>Mei</source>
        <translation>May</translation>
    </message>
    <message>
        <source>Juni</source>
        <translation>June</translation>
    </message>
    <message>
        <source>Juli</source>
        <translation>July</translation>
    </message>
    <message>
        <source>Agustus</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>Oktober</source>
        <translation>October</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>Desember</source>
        <translation>December</translation>
    </message>
    <message>
        <source>Gambar JPEG</source>
        <translation>JPEG image</translation>
    </message>
    <message>
        <source>Gambar PNG</source>
        <translation>PNG image</translation>
    </message>
    <message>
        <source>Gambar GIF</source>
        <translation>GIF image</translation>
    </message>
    <message>
        <source>Teks</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Arsip ZIP</source>
        <translation>ZIP archive</translation>
    </message>
    <message>
        <source>Dokumen Word</source>
        <translation>Word document</translation>
    </message>
    <message>
        <source>Lembar kerja Excel</source>
        <translation>Excel spreadsheet</translation>
    </message>
    <message>
        <source>Presentasi PowerPoint</source>
        <translation>PowerPoint presentation</translation>
    </message>
    <message>
        <source>Dokumen ODT</source>
        <translation>ODT document</translation>
    </message>
    <message>
        <source>Lembar kerja ODS</source>
        <translation>ODS spreadsheet</translation>
    </message>
    <message>
        <source>Gambar </source>
        <translation>Image </translation>
    </message>
    <message>
        <source>Berkas {0}</source>
        <translation>{0} file</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>identity_header</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Pangkat/Gol. Ruang</source>
        <translation>Rank/Grade</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Unit Kerja</source>
        <translation>Work unit</translation>
    </message>
</context>
<context>
    <name>install</name>
    <message>
        <source>Tanda Tangani &amp;Penetapan Predikat…</source>
        <translation>Sign &amp;Predicate Decision…</translation>
    </message>
    <message>
        <source>Dokumen Bertanda Tangan</source>
        <translation>Signed Documents</translation>
    </message>
    <message>
        <source>Tanda Tangani &amp;SKP…</source>
        <translation>Sign &amp;SKP…</translation>
    </message>
    <message>
        <source>Tanda Tangani &amp;Evaluasi Kinerja…</source>
        <translation>Sign Performance &amp;Evaluation…</translation>
    </message>
    <message>
        <source>Tanda Tangani Dokumen E&amp;valuasi…</source>
        <translation>Sign E&amp;valuation Document…</translation>
    </message>
    <message>
        <source>Tanda Tangani Daftar Pengharga&amp;an…</source>
        <translation>Sign &amp;Awards List…</translation>
    </message>
    <message>
        <source>Tanda Tangani Rekap 20 &amp;JP…</source>
        <translation>Sign 20 &amp;JP Recap…</translation>
    </message>
</context>
<context>
    <name>kuadran_widget</name>
    <message>
        <source>Di Atas</source>
        <extracomment>Rows top to bottom (hasil kerja) and columns left to right (perilaku kerja), as in SE 3/2023.</extracomment>
        <translation>Above</translation>
    </message>
    <message>
        <source>Sesuai</source>
        <translation>Meets</translation>
    </message>
    <message>
        <source>Di Bawah</source>
        <translation>Below</translation>
    </message>
</context>
<context>
    <name>lampiran_panel</name>
    <message>
        <source>Mis. anggaran, sarana, aplikasi, pelatihan yang diperlukan</source>
        <translation>E.g. budget, facilities, applications, training needed</translation>
    </message>
    <message>
        <source>Mis. laporan bulanan kepada pimpinan</source>
        <translation>E.g. monthly report to the leader</translation>
    </message>
    <message>
        <source>Mis. akibat bila target tidak tercapai</source>
        <translation>E.g. what happens if the target is not met</translation>
    </message>
</context>
<context>
    <name>plan_controller</name>
    <message>
        <source>Rencana Hasil Kerja</source>
        <translation>Planned Work Result (RHK)</translation>
    </message>
    <message>
        <source>RHK Pimpinan yang Diintervensi</source>
        <translation>Leader&apos;s RHK supported</translation>
    </message>
    <message>
        <source>Perspektif</source>
        <translation>Perspective</translation>
    </message>
    <message>
        <source>Indikator Kinerja Individu</source>
        <translation>Individual Performance Indicator</translation>
    </message>
    <message>
        <source>Aspek</source>
        <translation>Aspect</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
</context>
<context>
    <name>print_dialog</name>
    <message>
        <source>Triwulan I</source>
        <translation>Quarter I</translation>
    </message>
    <message>
        <source>Triwulan II</source>
        <translation>Quarter II</translation>
    </message>
    <message>
        <source>Triwulan III</source>
        <translation>Quarter III</translation>
    </message>
    <message>
        <source>Triwulan IV-Akhir</source>
        <translation>Quarter IV (final)</translation>
    </message>
    <message>
        <source>Semester I</source>
        <translation>Semester I</translation>
    </message>
    <message>
        <source>Semester II</source>
        <translation>Semester II</translation>
    </message>
    <message>
        <source>Tahunan</source>
        <translation>Annual</translation>
    </message>
</context>
<context>
    <name>print_job</name>
    <message>
        <source>Sasaran Kinerja Pegawai (SKP)</source>
        <translation>Employee Performance Targets (SKP)</translation>
    </message>
    <message>
        <source>Evaluasi Kinerja Pegawai</source>
        <translation>Employee performance evaluation</translation>
    </message>
    <message>
        <source>Dokumen Evaluasi Kinerja Pegawai</source>
        <translation>Employee performance evaluation document</translation>
    </message>
    <message>
        <source>Penetapan Predikat Kinerja (unit)</source>
        <translation>Performance predikat decision (unit)</translation>
    </message>
    <message>
        <source>Blanko (formulir kosong)</source>
        <translation>Blank (empty form)</translation>
    </message>
    <message>
        <source>Tidak ada pegawai yang dapat dicetak.</source>
        <translation>There are no employees to print.</translation>
    </message>
    <message>
        <source>Mencetak</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Mencetak {0}/{1}</source>
        <translation>Printing {0}/{1}</translation>
    </message>
</context>
<context>
    <name>rating_panel</name>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
</context>
<context>
    <name>realisation_controller</name>
    <message>
        <source>Realisasi</source>
        <translation>Realisation</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>realisation_model</name>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Rencana Hasil Kerja</source>
        <translation>Planned Work Result (RHK)</translation>
    </message>
    <message>
        <source>Indikator Kinerja Individu</source>
        <translation>Individual Performance Indicator</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Realisasi</source>
        <translation>Realisation</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Bukti
Dukung</source>
        <translation>Supporting
evidence</translation>
    </message>
</context>
<context>
    <name>rhk_tree_model</name>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>RHK Pimpinan yang Diintervensi</source>
        <translation>Leader&apos;s RHK supported</translation>
    </message>
    <message>
        <source>Rencana Hasil Kerja</source>
        <translation>Planned Work Result (RHK)</translation>
    </message>
    <message>
        <source>Aspek</source>
        <translation>Aspect</translation>
    </message>
    <message>
        <source>Indikator Kinerja Individu</source>
        <translation>Individual Performance Indicator</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Perspektif</source>
        <translation>Perspective</translation>
    </message>
    <message>
        <source>A. KINERJA UTAMA</source>
        <translation>A. MAIN PERFORMANCE</translation>
    </message>
    <message>
        <source>B. KINERJA TAMBAHAN</source>
        <translation>B. ADDITIONAL PERFORMANCE</translation>
    </message>
    <message>
        <source>(pilih RHK pimpinan)</source>
        <translation>(choose the leader&apos;s RHK)</translation>
    </message>
    <message>
        <source>(tulis Rencana Hasil Kerja)</source>
        <translation>(write the Planned Work Result)</translation>
    </message>
    <message>
        <source>(tulis indikator)</source>
        <translation>(write the indicator)</translation>
    </message>
    <message>
        <source>(isi target)</source>
        <translation>(fill in the target)</translation>
    </message>
    <message>
        <source>(pilih perspektif)</source>
        <translation>(choose a perspective)</translation>
    </message>
</context>
<context>
    <name>settings_dialog</name>
    <message>
        <source>Tersambung. Penyimpanan masih kosong; komputer ini akan menyiapkannya pada sinkronisasi pertama.</source>
        <translation>Connected. The storage is still empty; this computer will prepare it at the first synchronisation.</translation>
    </message>
    <message>
        <source>Tersambung. Penyimpanan berisi kiriman dari {0} komputer.</source>
        <translation>Connected. The storage holds uploads from {0} computers.</translation>
    </message>
</context>
<context>
    <name>status_page</name>
    <message>
        <source>Menunggu dikirim</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Tersinkron</source>
        <translation>Synchronised</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>↶ Batalkan</source>
        <translation>↶ Undo</translation>
    </message>
    <message>
        <source>Batalkan</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>↷ Ulangi</source>
        <translation>↷ Redo</translation>
    </message>
    <message>
        <source>Ulangi</source>
        <translation>Redo</translation>
    </message>
</context>
<context>
    <name>verify_dialog</name>
    <message>
        <source>Cap waktu dokumen</source>
        <translation>Document timestamp</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>SKP Plt./Plh. tidak dapat dibuka</source>
        <translation>The acting (Plt./Plh.) SKP cannot be opened</translation>
    </message>
    <message>
        <source>SKP Plt./Plh.…</source>
        <translation>Acting (Plt./Plh.) SKP…</translation>
    </message>
    <message>
        <source>SKP Plt./Plh. yang Anda nilai atau laksanakan: setujui, isi realisasi, evaluasi</source>
        <translation>Acting (Plt./Plh.) SKP you appraise or hold: approve, fill in realisations, evaluate</translation>
    </message>
</context>
<context>
    <name>workflow_bar</name>
    <message>
        <source>Ditandatangani</source>
        <translation>Signed</translation>
    </message>
</context>
</TS>

"""Rule modules: importing this package registers every rule in the registry."""

from lkj_audit.rules import anggaran, capaian, pegawai, pemilih  # noqa: F401

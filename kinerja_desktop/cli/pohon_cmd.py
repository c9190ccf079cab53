"""`kinerja pohon`: the pohon kinerja (cascading RHK) printed as an indented tree.

  kinerja --user NIP pohon --year 2026 [--nip NIP] [--rhk ID] [--depth 3]

Without --nip: the signed-in user's own RHK (an admin without an employee: the office's top RHK).
Each level is read as the GUI reads it (``services.pohon_service``), within what the user may read.
"""

from __future__ import annotations

import argparse
from typing import Any

from kinerja_desktop.cli.context import CliContext
from kinerja_desktop.domain.errors import ValidationError

#: Levels printed below the roots unless --depth says otherwise (a whole office is tens of thousands of lines).
DEFAULT_DEPTH = 3


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("pohon", help="pohon kinerja: RHK pimpinan dan RHK bawahan yang mengintervensinya")
    p.add_argument("--year", type=int, required=True, metavar="Y")
    p.add_argument("--nip", metavar="NIP", help="mulai dari RHK pegawai ini (bawaan: diri sendiri)")
    p.add_argument("--rhk", metavar="ID", help="mulai dari satu RHK")
    p.add_argument("--depth", type=int, default=DEFAULT_DEPTH, metavar="N",
                   help=f"tingkat di bawah RHK awal yang ditampilkan (bawaan {DEFAULT_DEPTH})")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services import pohon_service
    from kinerja_desktop.services.plan_service import STATUS_LABELS

    if not 0 <= args.depth <= 20:
        raise ValidationError("--depth harus 0 sampai 20.", field="depth")
    employee = ctx.employee_id(args.nip) if args.nip else None
    level = pohon_service.roots(ctx.db, ctx.user, args.year, employee_id=employee, rhk_id=args.rhk)
    tree: list[dict[str, Any]] = [_item(n) for n in level]
    items = {item["rhk_id"]: item for item in tree}
    for _ in range(args.depth):
        wanted = [n.rhk_id for n in level if n.children]
        if not wanted:
            break
        below = pohon_service.children(ctx.db, ctx.user, args.year, wanted)
        level = [n for rhk_id in wanted for n in below[rhk_id]]
        for node in level:
            item = _item(node)
            items[node.parent_rhk_id or ""]["children"].append(item)
            items[node.rhk_id] = item
    lines = [f"Pohon kinerja {args.year}"] if tree else [f"Tidak ada RHK pada SKP {args.year} yang dapat ditampilkan."]
    for item in tree:
        _lines(item, 0, lines, STATUS_LABELS)
    ctx.out(tree, "\n".join(lines))
    return 0


def _item(node: Any) -> dict[str, Any]:
    return {"rhk_id": node.rhk_id, "jenis": node.kind, "rhk": node.text, "indikator": list(node.indicators),
            "nip": node.owner_nip, "nama": node.owner_name, "jabatan": node.owner_jabatan,
            "status_skp": node.plan_status, "jumlah_intervensi": node.children, "children": []}


def _lines(item: dict[str, Any], depth: int, out: list[str], labels: dict[str, str]) -> None:
    pad = "    " * depth
    status = labels.get(item["status_skp"], item["status_skp"])
    kind = "" if item["jenis"] == "UTAMA" else f"[{item['jenis'].title()}] "
    out.append(f"{pad}- {kind}{item['rhk']}")
    out.append(f"{pad}  {item['nama']} · {item['jabatan']} · SKP {status}")
    for text in item["indikator"]:
        out.append(f"{pad}  IKI: {text}")
    hidden = item["jumlah_intervensi"] - len(item["children"])
    if hidden > 0:
        out.append(f"{pad}  (+{hidden} RHK bawahan; tambah --depth)")
    for child in item["children"]:
        _lines(child, depth + 1, out, labels)

"""Chinese text is written without a space around numbers: 第3行, 已写入12个数值, 2021—2025年之内.

Scans every string the package writes — str literals, f-strings (implicitly concatenated pieces
taken together) and ``"…" + str(n)`` chains — for a space between a Chinese character (or Chinese
punctuation) and a digit or a ``{placeholder}``, either way round. Docstrings and bare string
statements are skipped; comments are not strings. A Latin word that ends in a digit (UTF-8,
GB18030) is not a number. Placeholders that hold Latin identifiers may keep their space; they are
listed in ``SPACED`` below, each for a reason.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "planmonitor"
TRANSLATIONS = PACKAGE.parent / "resources" / "translations"

_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u201c\u201d\u2018\u2019"
_PH = "\ue000-\uf8ff"  # each placeholder becomes one private-use character

# Placeholders (as ast.unparse writes them) that may stay spaced from Chinese text.
SPACED = {
    # file and folder paths and names: a space keeps them apart from the sentence
    "path",
    "p",
    "out",
    "out.parent",
    "path.parent",
    "path.name",
    "path.suffix",
    "p.name",
    "file",
    "preview.file",
    "written",
    "target",
    "targets[fmt]",
    "folder",
    "files.paths[args.format]",
    "engine.url.render_as_string()",
    "where",  # the database (its file or server) in store/failures.py
    "name",  # a data folder (paths.py), a plan-file field (indicator.py)
    "draft.source or '规划文本'",  # the source document's file name
    # zip parts and spreadsheet cell references
    "part",
    "info.filename",
    "places",
    "'、'.join(places)",
    "'、'.join(places[:SHOWN_PLACES])",
    "t.where",  # a cell reference padded to a column: "Sheet1!B3      任务3…"
    # plan-file field names, enum values, roles, formats and encodings (Latin words)
    "key",
    "field",
    "self.form.value",
    "self.cadence.value",
    "', '.join(extra)",
    "'、'.join(ROLES)",
    "role",
    "report.setup_role",
    "fmt",
    "FORMAT_NAMES[fmt]",
    "enc",
    "shown.get(enc, enc)",
    "text",  # a spreadsheet error value such as #DIV/0!
    "shown",  # table names in a database that is not ours (store/database.py)
    # region codes (Latin): "只能填报地区 cangxian"
    "'、'.join(mine) or '（无）'",
    "'、'.join(acc.regions)",
    "regions",  # two spaces part the columns of a listing: "cangxian 填报（filler）  仓县"
    # "3月5日 14:05": a space between the date and the clock is right
    "clock",
}

_SPACE = re.compile(rf"[{_CJK}]( +)([0-9{_PH}])|([0-9{_PH}]%?)( +)[{_CJK}]")


def _strings(tree: ast.AST) -> list[tuple[int, list[str | ast.expr]]]:
    """Each written string as its pieces: text, or the expression of a placeholder."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, (ast.Constant, ast.JoinedStr)):
            skip.add(id(node.value))  # docstrings and bare string statements
        if isinstance(node, ast.JoinedStr):
            skip.update(id(n) for n in ast.walk(node) if n is not node)
    found: list[tuple[int, list[str | ast.expr]]] = []
    in_chain: set[int] = set()
    for node in ast.walk(tree):
        if id(node) in skip or id(node) in in_chain:
            continue
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            parts = _added(node)
            in_chain.update(_chain(node))
            literal = [p for p in parts if isinstance(p, (ast.Constant, ast.JoinedStr))]
            if any(isinstance(p, ast.JoinedStr) or isinstance(p.value, str) for p in literal):
                pieces: list[str | ast.expr] = []
                for p in parts:
                    pieces.extend(_pieces(p))
                    in_chain.add(id(p))
                found.append((node.lineno, pieces))
        elif isinstance(node, ast.JoinedStr) or (
            isinstance(node, ast.Constant) and isinstance(node.value, str)
        ):
            found.append((node.lineno, _pieces(node)))
    return found


def _added(node: ast.expr) -> list[ast.expr]:
    """The terms of ``a + b + c``."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _added(node.left) + _added(node.right)
    return [node]


def _chain(node: ast.expr) -> set[int]:
    """The additions making up ``a + b + c`` (not those inside its terms)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return {id(node)} | _chain(node.left) | _chain(node.right)
    return set()


def _pieces(node: ast.expr) -> list[str | ast.expr]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        out: list[str | ast.expr] = []
        for v in node.values:
            if isinstance(v, ast.Constant):
                out.append(str(v.value))
            elif isinstance(v, ast.FormattedValue):
                out.append(v.value)
        return out
    return [node]


def spaced(pieces: list[str | ast.expr], allowed: set[str] = SPACED) -> list[str]:
    """The spaces in one string that should not be there, each shown with its neighbours."""
    text = ""
    exprs: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            text += piece
        else:
            text += chr(0xE000 + len(exprs))
            exprs.append(ast.unparse(piece))
    if not re.search(f"[{_CJK}]", text):
        return []

    def shown(s: str) -> str:
        return re.sub(f"[{_PH}]", lambda m: "{" + exprs[ord(m.group()) - 0xE000] + "}", s)

    bad = []
    for m in _SPACE.finditer(text):
        if m.group(2) is not None:
            neighbour = m.group(2)
        else:
            neighbour = m.group(3)[0]
            start = m.start(3)
            while start > 0 and re.match(r"[A-Za-z0-9_.,^%\-]", text[start - 1]):
                start -= 1
            if not text[start].isdigit() and not ("\ue000" <= text[start] <= "\uf8ff"):
                continue  # a Latin word ending in a digit: UTF-8, GB18030
        if "\ue000" <= neighbour <= "\uf8ff" and exprs[ord(neighbour) - 0xE000] in allowed:
            continue
        bad.append(shown(text[max(0, m.start() - 8) : m.end() + 8]))
    return bad


def test_no_space_between_chinese_and_numbers() -> None:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, pieces in _strings(tree):
            for bad in spaced(pieces):
                problems.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {bad!r}")
    assert not problems, "space between Chinese text and a number:\n" + "\n".join(problems)


# The Chinese translations (.ts) may keep a space only beside these placeholders: file paths.
TS_SPACED = {"path", "backup", "current", "kept"}


def _translation_pieces(text: str) -> list[str | ast.expr]:
    """A translation's text with its {placeholders} (str.format style) as expressions."""
    pieces: list[str | ast.expr] = []
    for i, part in enumerate(re.split(r"\{(\w*)\}", text)):
        pieces.append(ast.Name(part) if i % 2 else part)
    return pieces


def test_no_space_between_chinese_and_numbers_in_the_translations() -> None:
    problems = []
    for ts in sorted(TRANSLATIONS.glob("*_zh_CN.ts")):
        for message in ET.parse(ts).iter("message"):
            for node in message.iter("translation"):
                texts = [node.text or ""] + [n.text or "" for n in node.iter("numerusform")]
                for text in texts:
                    bad = spaced(_translation_pieces(text), TS_SPACED)
                    problems += [f"{ts.name}: {text!r}: {b!r}" for b in bad]
    assert not problems, "space between Chinese text and a number:\n" + "\n".join(problems)


def test_the_check_sees_spaced_messages() -> None:
    def check(src: str) -> list[str]:
        return [b for _line, pieces in _strings(ast.parse(src)) for b in spaced(pieces)]

    def value(src: str) -> list[str]:
        return check("x = " + src)

    assert value('f"第 {row} 行"')
    assert value('"已写入 " + str(n) + "个数值"')
    assert value('f"{a}—{b} 年之内"')
    assert value('("第 "\n f"{row}行")')  # pieces of one string, split over lines
    assert value('"年份不在 1900—2200之间"')
    assert value('"（默认 5）"')
    assert value('f"{n:.0%} 的"')
    assert value('f"第{row}行，{a}—{b}年之内，已写入{n}个数值"') == []
    assert value('f"文件 {path} 不存在"') == []  # an identifier keeps its space
    assert value('"文件不是 UTF-8 编码"') == []
    assert value('f"{at.month}月{at.day}日 {clock}"') == []
    assert spaced(_translation_pieces("第 {row} 行"), TS_SPACED)
    assert spaced(_translation_pieces("已备份到 {path}"), TS_SPACED) == []
    assert check('def f():\n    """第 3 行 in a docstring."""') == []

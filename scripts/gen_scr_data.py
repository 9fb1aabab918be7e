"""Generate rules/data/scr_chars.toml and scr_phrases.toml from the OpenCC dictionaries shipped by opencc-purepy.

Run once when the OpenCC dictionaries change:  python scripts/gen_scr_data.py

The generated file lets SCR001/SCR003 run without importing OpenCC at all:
- ``t_only``: characters that are traditional only (a key of TSCharacters that does not map to itself and is not
  a self-mapping key of STCharacters), minus the characters of 《通用规范汉字表》 (Unihan kTGH: 薰) and the
  ``both_scripts`` allowlist of rules/data/scr.toml;
- ``s_only``: characters that are simplified only (symmetrically);
- ``t2s`` / ``s2t``: the 1:1 mappings of those characters (pairs concatenated), used for safe fixes;
- ``phrases`` (scr_phrases.toml, read only for traditional documents): the OpenCC phrases (STPhrases keys) that hold a character SCR002 checks: SCR002 reports a
  character only where such a phrase covers it (the conversion comes from a word, not from a character default);
- ``variants``: non-standard variant forms with their standard traditional and simplified forms: Japanese
  shinjitai that are neither standard simplified nor standard traditional characters; CJK compatibility
  ideographs; the forms that both OpenCC's Taiwan and Hong Kong tables replace (爲 → 為); and, from the Unihan
  database (Unicode's Unihan_Variants and Unihan_OtherMappings, as shipped by Debian's ``unicode-data`` package in
  /usr/share/unicode), every CJK character that is neither in 《通用规范汉字表》 (kTGH) nor in Big5 (kBigFive) nor
  used by OpenCC (in the Basic Multilingual Plane: the rarer characters beyond it are names'), whose one Z, spoofing
  or semantic variant (or whose EACC code, shared with the CCCII code of another character) is such a standard
  character (靑 → 青, 硏 → 研; the simplified and traditional forms of one character count as one, 旹 → 時/时;
  of several, the only one among the 3500 常用字, as a semantic variant: 咊 → 和). ``unsafe``: the variants known
  only as semantic variants, whose fix is left to the author. ``simplified_only``: the Big5 characters outside
  《通用规范汉字表》 and OpenCC whose one Z, spoofing or semantic variant is a standard character with a simplified
  form in the table (寔 → 实, 筭 → 算, 旹 → 时): standard in a traditional text, variants in a simplified one.
- ``hints`` (SCR003 at info): the rest of the characters that Unihan or OpenCC relate to a standard character in
  either direction (kZVariant, kSpoofingVariant, kSemanticVariant, kSpecializedSemanticVariant; OpenCC's TW, HK
  and JP variant tables), beyond the Basic Multilingual Plane too (𠮷 → 吉), that are in none of the tables above,
  not in 《通用规范汉字表》, not in GB 2312 (kGB0: 卩, 揞 are standard simplified characters of the old set) and
  not written by OpenCC in simplified text: variants whose relation is looser or whose use in names cannot be
  ruled out (蕐 → 华, 㓟 → 披, 胷 → 胸). Each with its standard simplified forms (one to three, the 常用字 first)
  and a scope: ``hint_simplified_only`` are Big5 characters or characters OpenCC writes in traditional text,
  Taiwan's or Hong Kong's standard forms among them (唅, 衞 of 衞生, 敍 of 敍述), hints in simplified text only.
"""

from __future__ import annotations

import bz2
import tomllib
import unicodedata
from collections import defaultdict
from pathlib import Path

import opencc_purepy

ROOT = Path(__file__).resolve().parent.parent
DICTS = Path(opencc_purepy.__file__).parent / "dicts"
OUT = ROOT / "rules" / "data" / "scr_chars.toml"
PHRASES_OUT = ROOT / "rules" / "data" / "scr_phrases.toml"
UNIHAN = Path("/usr/share/unicode")
# symbols that Unihan lists as variants of a character (卍 of 万) but that are written as symbols
SYMBOLS = "卍卐"


def unihan(name: str) -> dict[str, dict[str, str]]:
    """``{character: {field: value}}`` of one Unihan file."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    with bz2.open(UNIHAN / f"Unihan_{name}.txt.bz2", "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cp, field, value = line.rstrip("\n").split("\t")
            out[chr(int(cp[2:], 16))][field] = value
    return out


def unihan_variants(excluded: set[str], ts: dict[str, list[str]] | None = None, big5: bool = False
                    ) -> tuple[dict[str, str], set[str]]:
    """Non-standard CJK characters with the one standard character they are a variant of, and the ones known
    only as semantic variants (see the module documentation). Targets that are the simplified and traditional
    forms of one character (旹: 时 and 時) count as one (``ts``: OpenCC's TSCharacters). With ``big5``: the Big5
    characters instead that are not in 《通用规范汉字表》 and whose one standard character has a simplified form
    in it (寔 → 實/实, 筭 → 算): standard in a traditional text, variants in a simplified one."""
    ts = ts or {}
    mappings = unihan("OtherMappings")
    variants = unihan("Variants")
    standard = {c for c, d in mappings.items() if "kTGH" in d or "kBigFive" in d}
    tgh = {c for c, d in mappings.items() if "kTGH" in d}
    # the 常用字 of the table (its first 3500): of two standard targets (咊: 和 and 龢; 弌: 一 and 壹) the one
    # that is a 常用字, when only one is, with its fix left to the author
    common = {c for c, d in mappings.items() if "kTGH" in d and int(d["kTGH"].split(":")[1]) <= 3500}
    candidates = standard - tgh if big5 else set()
    by_cccii = {}
    for c, d in mappings.items():
        if "kCCCII" in d:
            by_cccii.setdefault(d["kCCCII"], c)

    def targets(value: str) -> list[str]:
        return [chr(int(x.split("<")[0][2:], 16)) for x in value.split()]

    out: dict[str, str] = {}
    semantic_only: set[str] = set()
    for c in sorted(set(variants) | set(mappings)):
        if (c in standard and c not in candidates) or c in excluded or c in SYMBOLS \
                or (big5 and c not in candidates) or not ("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"):
            continue  # (beyond the BMP: rare characters of names, 𠮷 of 𠮷野家, left alone)
        fields = variants.get(c, {})
        close = [t for f in ("kZVariant", "kSpoofingVariant") for t in targets(fields.get(f, "")) if t in standard]
        eacc = by_cccii.get(mappings.get(c, {}).get("kEACC", ""))
        if eacc in standard and eacc != c:
            close.append(eacc)
        semantic = [t for t in targets(fields.get("kSemanticVariant", "")) if t in standard]
        found = list(dict.fromkeys(close or semantic))
        if len({ts.get(t, [t])[0] for t in found}) == 1:  # one character, in one or both scripts
            found = sorted(found, key=lambda t: t not in ts)[:1]  # its traditional form first
        elif len(found) > 1 and len(common_found := [t for t in found if t in common]) == 1:
            found = common_found
            close = []  # (reported as a semantic variant: unsafe)
        if len(found) == 1 and (not big5 or ts.get(found[0], found[0])[0] in tgh):
            out[c] = found[0]
            if not close:
                semantic_only.add(c)
    return out, semantic_only



HINT_FIELDS = ("kZVariant", "kSpoofingVariant", "kSemanticVariant", "kSpecializedSemanticVariant")


def unihan_hints(excluded: set[str], ts: dict[str, list[str]], st: dict[str, list[str]],
                 opencc_pairs: list[tuple[str, str]], opencc_standard: set[str]
                 ) -> tuple[dict[str, str], set[str]]:
    """``{character: its standard simplified forms (one to three, 常用字 first)}`` of the looser variants (see
    the module documentation: ``hints``), and those that are hints in simplified text only."""
    mappings = unihan("OtherMappings")
    variants = unihan("Variants")
    tgh = {c for c, d in mappings.items() if "kTGH" in d}
    common = {c for c, d in mappings.items() if "kTGH" in d and int(d["kTGH"].split(":")[1]) <= 3500}
    gb2312 = {c for c, d in mappings.items() if "kGB0" in d}
    big5 = {c for c, d in mappings.items() if "kBigFive" in d}
    related: dict[str, set[str]] = defaultdict(set)
    for c, d in variants.items():
        for f in HINT_FIELDS:
            for x in d.get(f, "").split():
                t = chr(int(x.split("<")[0][2:], 16))
                if t != c:
                    related[c].add(t)
                    related[t].add(c)
    for a, b in opencc_pairs:
        related[a].add(b)
        related[b].add(a)

    def simplified(t: str) -> str | None:
        s = t if t in tgh else ts.get(t, [""])[0]
        return s if s in tgh else None

    def cjk(c: str) -> bool:
        o = ord(c)
        return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3FFFF

    out: dict[str, str] = {}
    simplified_only: set[str] = set()
    for c in sorted(related):
        if c in tgh or c in gb2312 or c in excluded or c in SYMBOLS or not cjk(c) \
                or unicodedata.normalize("NFC", c) != c:
            continue
        targets = sorted({s for t in related[c] if (s := simplified(t))}, key=lambda s: (s not in common, s))
        if not targets or len(targets) > 3:
            continue
        if len(targets) > 1 and sum(t in common for t in targets) == 1:
            targets = targets[:1]  # (the one 常用字)
        out[c] = "".join(targets)
        if c in big5 or c in opencc_standard:
            simplified_only.add(c)
    return out, simplified_only


def load(name: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in (DICTS / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, values = line.partition("\t")
        out[key] = values.split()
    return out


def main() -> None:
    st = load("STCharacters")
    ts = load("TSCharacters")
    jp = load("JPShinjitaiCharacters")
    both = set(tomllib.loads((ROOT / "rules" / "data" / "scr.toml").read_text(encoding="utf-8"))
               ["both_scripts"]["chars"])
    st_self = {k for k, v in st.items() if k in v}
    ts_self = {k for k, v in ts.items() if k in v}
    # characters of 《通用规范汉字表》 (Unihan kTGH) are standard simplified characters too (薰, 脩 in some words)
    standard_simplified = set()
    if (UNIHAN / "Unihan_OtherMappings.txt.bz2").exists():
        standard_simplified = {c for c, d in unihan("OtherMappings").items() if "kTGH" in d}
    t_only = sorted(k for k, v in ts.items() if len(k) == 1 and k not in v and k not in st_self and k not in both
                    and k not in standard_simplified)
    s_only = sorted(k for k, v in st.items() if len(k) == 1 and k not in v and k not in ts_self and k not in both)
    # SCR002: simplified characters that are also traditional in some words (干 于 后 范 余 云 …) and that OpenCC
    # converts to another character by default (了 → 了, 出 → 出 are left out: only rare phrases change them)
    ambiguous = sorted(k for k, v in st.items() if len(k) == 1 and k in v and len(v) >= 2 and v[0] != k)
    scr_cfg = tomllib.loads((ROOT / "rules" / "data" / "scr.toml").read_text(encoding="utf-8"))["scr002"]
    checked = (set(ambiguous) | {c for group in scr_cfg["merged"] for c in group}) - set(scr_cfg["regional"])
    # the phrases are keyed by simplified text: a checked character is looked up by its simplified form
    checked |= {ts[c][0] for c in checked if c in ts}
    phrases = sorted(k for k in load("STPhrases") if len(k) > 1 and any(c in checked for c in k))
    t2s = "".join(k + ts[k][0] for k in t_only if len(ts[k]) == 1)
    s2t = "".join(k + st[k][0] for k in s_only if len(st[k]) == 1)

    # standard characters of either script: anything OpenCC converts from or to (except TSCharacters keys, which
    # include variant forms such as 説 or 爲) ...
    standard = set(st) | {c for v in st.values() for c in v} | {c for v in ts.values() for c in v}
    # ... and every character of the Chinese phrase dictionaries (予, 慎 and other characters OpenCC never converts)
    for name in ("STPhrases", "TSPhrases", "TWPhrases", "TWPhrasesRev"):
        for key, values in load(name).items():
            standard.update(key)
            for v in values:
                standard.update(v)
    variants: dict[str, tuple[str, str]] = {}
    for j, targets in jp.items():
        if len(j) != 1 or j in standard or len(targets) != 1:
            continue
        trad = targets[0]
        simp = ts.get(trad, [trad])[0]
        variants[j] = (trad, simp)
    for line in (DICTS / "CJK_Compatibility_Ideographs.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        key = line.split("\t")[0]
        if len(key) != 1:
            continue
        norm = unicodedata.normalize("NFC", key)
        if norm == key:
            continue
        simp = ts.get(norm, [norm])[0]
        variants[key] = (norm, simp)

    # the forms that both regional standards replace (爲 → 為 in Taiwan and in Hong Kong)
    hk = {k: v[0] for k, v in load("HKVariants").items() if len(k) == 1}
    tw = {k: v[0] for k, v in load("TWVariants").items() if len(k) == 1}
    scr = tomllib.loads((ROOT / "rules" / "data" / "scr.toml").read_text(encoding="utf-8"))
    kept_forms = both | set(scr["scr002"]["regional"])
    simplified_forms = {c for v in ts.values() for c in v}  # 踊 (TW/HK 踴) is standard simplified
    for c, target in tw.items():
        if hk.get(c) == target != c and c not in kept_forms and c not in st and c not in variants \
                and c not in simplified_forms:
            variants[c] = (target, ts.get(target, ts.get(c, [target]))[0])
    # Unihan: the rest of the non-standard forms
    unsafe: set[str] = set()
    simplified_only: set[str] = set()
    if (UNIHAN / "Unihan_Variants.txt.bz2").exists():
        regional = set(hk.values()) | set(tw.values())
        found, unsafe = unihan_variants(standard | regional | kept_forms | set(variants), ts)
        for c, target in found.items():
            trad = target if target in ts or target not in st else st[target][0]
            variants[c] = (trad, ts.get(trad, [trad])[0])
        found, more_unsafe = unihan_variants(standard | regional | kept_forms | set(variants), ts, big5=True)
        for c, target in found.items():
            trad = target if target in ts or target not in st else st[target][0]
            variants[c] = (trad, ts.get(trad, [trad])[0])
            simplified_only.add(c)
        unsafe |= more_unsafe
    else:
        print(f"note: {UNIHAN} has no Unihan files (apt-get install unicode-data): Unihan variants left out")
    hints: dict[str, str] = {}
    hint_simplified_only: set[str] = set()
    if (UNIHAN / "Unihan_Variants.txt.bz2").exists():
        opencc_pairs = [(k, v) for name in ("TWVariants", "HKVariants", "JPVariants", "JPShinjitaiCharacters")
                        if (DICTS / f"{name}.txt").exists()
                        for k, vs in load(name).items() if len(k) == 1 for v in vs if len(v) == 1]
        hints, hint_simplified_only = unihan_hints(
            set(variants) | set(t_only) | set(s_only) | both | kept_forms, ts, st, opencc_pairs,
            standard | set(hk.values()) | set(tw.values()))

    def q(s: str) -> str:
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [
        "# Generated by scripts/gen_scr_data.py from the OpenCC dictionaries (opencc-purepy "
        f"{getattr(opencc_purepy, '__version__', '1.5')}). Do not edit by hand.",
        "# OpenCC dictionaries: Apache License 2.0, https://github.com/BYVoid/OpenCC",
        "",
        "[classes]",
        f"t_only = {q(''.join(t_only))}",
        f"s_only = {q(''.join(s_only))}",
        "",
        "[scr002]",
        f"ambiguous = {q(''.join(ambiguous))}",
        "",
        "[maps]",
        "# pairs concatenated: source character, then its only counterpart",
        f"t2s = {q(t2s)}",
        f"s2t = {q(s2t)}",
        "",
        "[variants]",
        "# variant forms and, at the same index, their standard traditional and standard simplified forms",
        f"chars = {q(''.join(sorted(variants)))}",
        f"traditional = {q(''.join(variants[k][0] for k in sorted(variants)))}",
        f"simplified = {q(''.join(variants[k][1] for k in sorted(variants)))}",
        "# variants known only as semantic variants (Unihan): reported with a fix left to the author",
        f"unsafe = {q(''.join(sorted(unsafe)))}",
        "# Big5 characters that are variants only in a simplified text (寔 for 实): reported in simplified text only",
        f"simplified_only = {q(''.join(sorted(simplified_only)))}",
        "",
        "[hints]",
        "# looser variants (SCR003 at info), and at the same index their standard simplified forms, separated by",
        "# spaces (one to three, the 常用字 first)",
        f"chars = {q(''.join(sorted(hints)))}",
        f"simplified = {q(' '.join(hints[k] for k in sorted(hints)))}",
        "# hints in simplified text only (Big5 characters, characters OpenCC writes in traditional text)",
        f"simplified_only = {q(''.join(sorted(hint_simplified_only)))}",
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    PHRASES_OUT.write_text("\n".join([
        lines[0], lines[1], "",
        "# OpenCC phrases (STPhrases keys, simplified) that hold a character SCR002 checks, separated by spaces",
        f"phrases = {q(' '.join(phrases))}",
    ]) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(t_only)} T-only, {len(s_only)} S-only, {len(t2s) // 2} t2s, {len(s2t) // 2} s2t, "
          f"{len(variants)} variants, {len(hints)} hints, {len(phrases)} SCR002 phrases")


if __name__ == "__main__":
    main()

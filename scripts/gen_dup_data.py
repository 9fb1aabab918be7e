"""Generate rules/data/dup_words.toml from jieba's dictionary (MIT licence; a build-time input only).

Run once when the dictionary changes:  pip install -e '.[build-data]' && python scripts/gen_dup_data.py

jieba's dict.txt lists about 350,000 words, each with a frequency and a part-of-speech tag (ICTCLAS tag set). The
generated file keeps, for the words that occur at least MIN_FREQ times and are written in Han characters only:

- ``dup005.warning``: two-character words of the classes that never reduplicate — pronouns (r), locatives (f),
  place words (s), place and organisation names (ns, nt), other proper nouns (nz), abbreviations (j) and measure
  words of two characters (q: ``公里``, ``公斤``; only one-character measure words reduplicate, ``个个``):
  ``我们我们``, ``周边周边``, ``妇联妇联`` are typing errors. Words that begin with a numeral or a distributive
  character (一 … 十, 两, 几, 各, 每, 多, 个) are left to the next list: they reduplicate (``一样一样地``);
- ``dup005.info``: two-character verbs, adjectives, adverbs, state words, nouns, prepositions, conjunctions,
  particles and time words (v, vd, vn, a, ad, an, b, d, z, n, p, c, u, t): a verb written twice is the ABAB
  reduplication of grammar (``研究研究``, ``商量商量``), speech doubles a word for emphasis (``可以可以``,
  ``不是不是``), and jieba tags many verbs as nouns, prepositions, conjunctions or time words (``商量``,
  ``关照``, ``接管``, ``前往``), so a doubled word of these classes is only a hint;
- ``place.verbish``: one- and two-character verbs, adverbs and adjectives (v, vd, d, a, ad): after a doubled place
  unit they make the unit distributive (``县县通``, ``村村有``, ``县县全覆盖``);
- ``place.function``: single characters that are function words (particles u*, prepositions p, conjunctions c,
  pronouns r, adverbs d, modal particles y): a doubled unit after one of them follows no place name
  (``以乡镇为单位的村村比``);
- ``place.words``: two- and three-character words that begin with a place unit, of any frequency (``县长``,
  ``县委``, ``市场``, ``村民``, ``镇政府``): a doubled unit followed by the rest of one of them is a place name and
  a word (``柳河县县长``, ``南阳市市场``).

The two dup005 lists keep the words of frequency WORD_MIN_FREQ and above (a doubled rare word is as much a typing
error as a doubled common one); the other lists MIN_FREQ and above.

- ``place.names``: place names (ns) of two and three characters: after one of them a doubled unit is a doubled
  unit whatever follows (``吉林省省近现代史展``), and ``区区`` is one too (``朝阳区区委``, not ``区区几人``);
- ``place.ending``: words of two to four characters that end in a unit (``地区``, ``行政区``, ``城中村``,
  ``吉林省``): the unit after one of them is doubled whatever follows (``北方地区区经济``).

Numerals, one-character measure words, names of persons, onomatopoeia, interjections, idioms and fixed phrases
are left out: they reduplicate (``一步一步``) or are not compared.
"""

from __future__ import annotations

from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parent.parent
DICT = Path(jieba.__file__).parent / "dict.txt"
OUT = ROOT / "rules" / "data" / "dup_words.toml"
MIN_FREQ = 100
WORD_MIN_FREQ = 10  # dup005: a doubled word is a typing error whatever its frequency (匠心匠心, 列支列支)
NAME_MIN_FREQ = 3  # place.names
WARNING = {"r", "f", "s", "ns", "nt", "nz", "j", "q"}
INFO = {"v", "vd", "vn", "a", "ad", "an", "b", "d", "z", "n", "p", "c", "u", "t"}
DISTRIBUTIVE_FIRST = "一二三四五六七八九十两几各每多个"
VERBISH = {"v", "vd", "d", "a", "ad"}
FUNCTION = {"p", "c", "r", "d", "y"}
UNITS = "省市县区镇乡村"


def _han(word: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in word)


def build() -> str:
    """The text of rules/data/dup_words.toml."""
    import tomllib

    dup = tomllib.loads((ROOT / "rules" / "data" / "dup.toml").read_text(encoding="utf-8"))
    listed = set(dup["dup001"]["words"]["words"])  # DUP001 reports these (with a safe fix)
    warning, info, verbish, words, function, names, ending = set(), set(), set(), set(), set(), set(), set()
    for line in DICT.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 3:
            continue
        word, freq, tag = parts[0], int(parts[1]), parts[2]
        if not _han(word):
            continue
        if 2 <= len(word) <= 3 and word[0] in UNITS:
            words.add(word)
        if tag == "ns" and 2 <= len(word) <= 3 and freq >= NAME_MIN_FREQ:
            names.add(word)
        if 2 <= len(word) <= 4 and word[-1] in UNITS and freq >= NAME_MIN_FREQ:
            ending.add(word)
        if len(word) == 2 and word not in listed and freq >= WORD_MIN_FREQ:
            if tag in WARNING and word[0] not in DISTRIBUTIVE_FIRST:
                warning.add(word)
            elif tag in INFO or tag in WARNING:
                info.add(word)
        if freq < MIN_FREQ:
            continue
        if len(word) == 1 and (tag[0] == "u" or tag in FUNCTION):
            function.add(word)
        if len(word) <= 2 and tag in VERBISH:
            verbish.add(word)

    def block(items: set[str]) -> str:
        out = sorted(items)
        return '"""\n' + "\n".join(" ".join(out[i:i + 40]) for i in range(0, len(out), 40)) + '"""'

    return (
        f"# Generated by scripts/gen_dup_data.py from jieba's dictionary (jieba {jieba.__version__}, MIT licence): "
        "do not edit.\n"
        f"# Words written in Han characters with a frequency of at least {MIN_FREQ} (dup005.warning and .info: "
        f"{WORD_MIN_FREQ}; place.names: {NAME_MIN_FREQ}); see the script for the classes.\n\n"
        f"[dup005]\nwarning = {block(warning)}\n\ninfo = {block(info)}\n\n"
        f"[place]\nverbish = {block(verbish)}\n\nfunction = {block(function)}\n\nwords = {block(words)}\n\nnames = {block(names)}\n\nending = {block(ending)}\n")


def main() -> None:
    text = build()
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {len(text):,} characters")


if __name__ == "__main__":
    main()

using Fukan.Model;

namespace Fukan.Extraction.Entities;

public sealed partial class EntityRecognizer
{
    private sealed partial class Scan
    {
        // ---- companies in news English --------------------------------------------------------------------

        /// <summary>
        /// Helion Robotics said…, rival Corvid Dynamics, analysts at Kestrel Research, led by Northgate Capital: one
        /// to <see cref="CompanyRules.MaxNameWords"/> capitalised words and an industry word, where the sentence makes
        /// them a company (<see cref="CompanyRules"/>). Runs after <see cref="English"/>, whose word list it reads.
        /// </summary>
        public void EnglishCompanies()
        {
            var words = _words;
            for (int w = 1; w < words.Count; w++)
            {
                if (!CompanyRules.IndustryTails.Contains(WordText(words[w]))) continue;
                int first = w;
                while (first > 0 && w - first < CompanyRules.MaxNameWords && Adjacent(words[first - 1], words[first])
                       && IsCapitalised(words[first - 1]) && !IsPossessive(words[first - 1])) first--;
                // "The …", and "Rival …" in a title-case headline: the name starts after them.
                while (first < w && (NameRules.EnglishDeterminers.Contains(WordText(words[first])) || CompanyRules.CueNouns.Contains(WordText(words[first])))) first++;
                if (first == w || !Names(first, w)) continue;
                if (!SaidOf(first, w)) continue;
                int start = words[first].Start, end = words[w].End;
                var name = _text[start..end];
                if (_gaz.TryFindName(name, out var known))
                {
                    if (known.Type == EntityType.Org) Add(start, end, known.Id, known.Name, known.Type, MentionOrigin.Gazetteer, 0);
                    continue;
                }
                if (IsIgnored(start, end)) continue;
                Add(start, end, PatternId(name, EntityType.Org), name, EntityType.Org, MentionOrigin.Pattern, 1);
            }
        }

        // True when words [first, tail) hold a word that names someone: not a field (Fluid, Materials), not a number,
        // not an industry word itself (Energy Materials).
        private bool Names(int first, int tail)
        {
            for (int k = first; k < tail; k++)
            {
                var word = _words[k];
                if (!char.IsAsciiLetterUpper(_text[word.Start])) return false;
                var text = WordText(word);
                if (NameRules.EnglishGeneric.Contains(text) || CompanyRules.DescriptiveWords.Contains(text) || CompanyRules.IndustryTails.Contains(text)) continue;
                return true;
            }
            return false;
        }

        // The sentence makes words [first, tail] a company: a news verb follows ("… said", "… raises $450 million"),
        // or a cue precedes ("rival …", "led by …", "analysts at …").
        private bool SaidOf(int first, int tail)
        {
            var words = _words;
            if (tail + 1 < words.Count && Adjacent(words[tail], words[tail + 1]))
            {
                var verb = words[tail + 1];
                if (CompanyRules.NewsVerbs.Contains(WordText(verb))) return true;
                if (CompanyRules.MoneyVerbs.Contains(WordText(verb)) && verb.End + 1 < N && F[verb.End] == ' ' && CompanyRules.MoneyOpeners.Contains(_text[verb.End + 1]))
                    return true;
            }
            if (first == 0 || !Adjacent(words[first - 1], words[first])) return false;
            var before = WordText(words[first - 1]);
            if (CompanyRules.CueNouns.Contains(before)) return true;
            return before is "by" or "at" && first >= 2 && Adjacent(words[first - 2], words[first - 1])
                   && CompanyRules.CueBeforeByAt.Contains(WordText(words[first - 2]));
        }

        // ---- Japanese …社 after a foreign name ------------------------------------------------------------------

        /// <summary>
        /// 独Voltwerk社, テスラ社, General Motors社: a katakana or capitalised Latin name right before 社 is a company.
        /// 会社, 本社, 同社, A社 and 社長 are not: the name must be katakana or Latin of two or more characters, and 社 must
        /// not start a longer kanji word (社長, 社内; 社製 is fine).
        /// </summary>
        public void ShaSuffix()
        {
            var t = _text;
            for (int i = t.IndexOf('社'); i > 0; i = t.IndexOf('社', i + 1))
            {
                int after = i + 1;
                if (after < N && EntityText.IsKanji(t[after]) && !CompanyRules.KanjiAfterSha.Contains(t[after])) continue;
                int s = EntityText.IsKatakana(F[i - 1]) ? KatakanaStart(i) : EntityText.IsAsciiAlnum(F[i - 1]) ? LatinNameStart(i) : i;
                if (i - s < 2 || !PlainBefore(s)) continue;
                var name = EntityText.StripLegalForms(t[s..i]);
                if (_gaz.TryFindName(name, out var known))
                {
                    if (known.Type == EntityType.Org) Add(s, after, known.Id, known.Name, known.Type, MentionOrigin.Gazetteer, 0);
                    continue;
                }
                var key = EntityText.Key(name);
                if (CompanyRules.KatakanaRoles.Contains(key) || NameRules.IsGeneric(key) || IsIgnored(s, i)) continue;
                Add(s, after, PatternId(name, EntityType.Org), name, EntityType.Org, MentionOrigin.Pattern, 1);
            }
        }

        // The start of the katakana word ending at end (ニュー・ドーン: ・ inside it).
        private int KatakanaStart(int end)
        {
            int s = end;
            while (s > 0 && (EntityText.IsKatakana(F[s - 1]) || (F[s - 1] == '・' && s < end && s >= 2 && EntityText.IsKatakana(F[s - 2])))) s--;
            return s;
        }

        // The start of the Latin name ending at end: capitalised words joined by single spaces (General Motors), with
        // . - & inside a word, and words of digits and letters (10x Genomics, 3M); end itself when there is none.
        private int LatinNameStart(int end)
        {
            int s = end;
            for (int words = 0; words < CompanyRules.MaxNameWords + 1; words++)
            {
                int w = s;
                while (w > 0 && (EntityText.IsAsciiAlnum(F[w - 1]) || (F[w - 1] is '.' or '-' or '&' && w < s && w >= 2 && EntityText.IsAsciiAlnum(F[w - 2])))) w--;
                if (w == s || !(char.IsAsciiLetterUpper(_text[w]) || (char.IsAsciiDigit(_text[w]) && HasAsciiLetter(w, s)))) break;
                s = w;
                if (s < 2 || F[s - 1] != ' ' || !EntityText.IsAsciiAlnum(F[s - 2])) break;
                s--;
            }
            while (s < end && F[s] == ' ') s++;
            return s < end && HasAsciiLetter(s, end) && (char.IsAsciiLetterUpper(_text[s]) || char.IsAsciiDigit(_text[s])) ? s : end;
        }

        // What stands before a …社 name: no kanji, unless a one-kanji country (独Voltwerk社), so 日本ガイシ社 does not
        // make ガイシ a company.
        private bool PlainBefore(int s)
        {
            if (s == 0 || !EntityText.IsKanji(F[s - 1])) return true;
            return CompanyRules.CountryPrefixes.Contains(F[s - 1]) && (s == 1 || !EntityText.IsKanji(F[s - 2]));
        }
    }
}

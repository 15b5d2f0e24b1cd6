using System.Collections.Frozen;

namespace Fukan.Extraction.Entities;

/// <summary>
/// Decides whether an ASCII token is an acronym worth naming (GAA, BSPDN, ReRAM, IoT) or not: units (nm, GW,
/// PFLOPS), chemical formulas (CO2, LiPF6, GaN, SiO), Roman numerals, job titles (CEO) and ordinary English words
/// written in capitals (THE, NOTE) are not. Tokens with digits are left to the gazetteer (5G, N2).
/// </summary>
internal static class AcronymRules
{
    public const int MinLength = 3;
    public const int MaxLength = 10;

    private static readonly FrozenSet<string> Elements = new[]
    {
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca", "Sc", "Ti", "V", "Cr",
        "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd",
        "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er",
        "Tm", "Yb", "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th",
        "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Units = new[]
    {
        "FLOPS", "PFLOPS", "TFLOPS", "GFLOPS", "EFLOPS", "TOPS", "MWh", "GWh", "TWh", "kWh", "MHz", "GHz", "THz", "kHz", "MeV", "GeV", "TeV",
        "keV", "meV", "MPa", "GPa", "kPa", "mAh", "Gbps", "Mbps", "Tbps", "GBps", "MBps", "RPM", "DPI", "PPM", "PPB", "FPS", "KWH", "MWH",
        "GWH", "TWH", "GHZ", "MHZ", "THZ", "dBm", "mSv", "μSv", "Wh", "kW", "MW", "GW", "TW", "nm", "μm", "mm", "cm", "km",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Capitalised English words that are words, not names, plus titles and currencies.
    private static readonly FrozenSet<string> Words = new[]
    {
        "THE", "AND", "FOR", "WITH", "NOT", "BUT", "ARE", "WAS", "WERE", "THIS", "THAT", "FROM", "INTO", "NOTE", "NOTES", "ALL", "NEW", "ONE",
        "TWO", "OUR", "YOU", "YOUR", "HOW", "WHY", "WHAT", "WHEN", "WHO", "WHERE", "CAN", "MAY", "ITS", "HAS", "HAVE", "TOP", "KEY", "END",
        "YES", "OFF", "OUT", "USE", "ANY", "NOW", "GET", "SET", "RUN", "BIG", "LOW", "HIGH", "FAST", "SLOW", "FREE", "MORE", "LESS", "MOST",
        "BEST", "NEXT", "LAST", "PART", "STEP", "TIME", "YEAR", "DATA", "WORK", "TEAM", "LIVE", "NEWS", "INFO", "HERE", "THEN", "THAN", "ALSO",
        "ONLY", "VERY", "SUCH", "EACH", "BOTH", "SOME", "MANY", "MUCH", "WILL", "WOULD", "SHOULD", "COULD", "MUST", "BEEN", "BEING", "ABOUT",
        "AFTER", "BEFORE", "OVER", "UNDER", "BETWEEN", "AGAINST", "WITHOUT", "WITHIN", "ABSTRACT", "SUMMARY", "INTRODUCTION", "CONCLUSION",
        "REFERENCES", "APPENDIX", "TABLE", "FIGURE", "CHAPTER", "SECTION", "PAGE", "CONTENTS", "OVERVIEW", "BACKGROUND", "RESULTS", "METHODS",
        "DISCUSSION", "TOTAL", "NONE", "NULL", "TRUE", "FALSE", "TODO", "TBD", "ETC", "FAQ", "OK", "OKAY", "WARNING", "CAUTION", "IMPORTANT",
        "UPDATE", "SIGNAL", "VERDICT", "SHIFT", "LEVEL", "STAGE", "PHASE", "GOAL", "GOALS", "PLAN", "RISK", "COST", "PRICE", "SALE", "SALES",
        "CEO", "COO", "CTO", "CFO", "CDO", "CIO", "CSO", "CISO", "CAIO", "CRO", "CMO", "CHRO", "CPO", "EVP", "SVP", "USD", "JPY", "EUR", "CNY",
        "KRW", "GBP", "TWD", "INR",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="token"/> (an ASCII letter run as written) is a plausible acronym.</summary>
    public static bool IsAcronym(ReadOnlySpan<char> token)
    {
        if (token.Length < MinLength || token.Length > MaxLength) return false;
        int upper = 0, lower = 0;
        foreach (char c in token)
        {
            if (c is >= 'A' and <= 'Z') upper++;
            else if (c is >= 'a' and <= 'z') lower++;
            else return false; // digits and others: the gazetteer decides (5G, N2, AI5)
        }
        if (upper < 2 || !char.IsAsciiLetterUpper(token[0])) return false;
        var s = token.ToString();
        if (Units.Contains(s) || Words.Contains(s)) return false;
        if (lower == 0) return !IsRomanNumeral(token);
        // Mixed case: a chemical formula (GaN, SiO, LiNbO) is not an acronym; a word with a long lower-case run
        // ("ChatGPT" is fine, "McDonalds" is a name the gazetteer must know) is not either.
        if (IsFormula(token)) return false;
        int run = 0;
        foreach (char c in token)
        {
            run = c is >= 'a' and <= 'z' ? run + 1 : 0;
            if (run > 4) return false;
        }
        return true;
    }

    /// <summary>True when <paramref name="token"/> reads as a sequence of element symbols with optional counts.</summary>
    public static bool IsFormula(ReadOnlySpan<char> token)
    {
        int i = 0, symbols = 0;
        Span<char> two = stackalloc char[2];
        while (i < token.Length)
        {
            char c = token[i];
            if (char.IsAsciiDigit(c)) { if (symbols == 0) return false; i++; continue; }
            if (!char.IsAsciiLetterUpper(c)) return false;
            if (i + 1 < token.Length && char.IsAsciiLetterLower(token[i + 1]))
            {
                two[0] = c; two[1] = token[i + 1];
                if (!Elements.Contains(two.ToString())) return false;
                i += 2;
            }
            else
            {
                if (!Elements.Contains(c.ToString())) return false;
                i++;
            }
            symbols++;
        }
        return symbols >= 2;
    }

    /// <summary>
    /// True when an all-capital <paramref name="token"/> reads like an ordinary word (SAN, FRANCISCO, STRATEGY):
    /// it has vowels, at least one in four letters, and no more than three consonants in a row. TSMC, BSPDN and
    /// HVM do not; GAA and NEDO do, which is why this alone never rejects a token (see <see cref="IsPhraseWord"/>).
    /// </summary>
    public static bool ReadsAsWord(ReadOnlySpan<char> token)
    {
        int vowels = 0, run = 0;
        foreach (char c in token)
        {
            if (c is < 'A' or > 'Z') return false; // DYNAPs, ReRAM: mixed case is a coined name, never a plain word
            if (c is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y') { vowels++; run = 0; continue; }
            if (++run > 3) return false;
        }
        return vowels > 0 && vowels * 4 >= token.Length;
    }

    /// <summary>The shortest word that makes a run of capitals a phrase (FRANCISCO in SAN FRANCISCO; not DRAM in HBM DRAM).</summary>
    public const int PhraseWordLength = 5;

    /// <summary>True when <paramref name="token"/>, written in capitals next to others, shows the run is a phrase or heading.</summary>
    public static bool IsPhraseWord(ReadOnlySpan<char> token) =>
        token.Length >= PhraseWordLength && ReadsAsWord(token) || WordLookup.Contains(token);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WordLookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsRomanNumeral(ReadOnlySpan<char> token)
    {
        foreach (char c in token)
            if (c is not ('I' or 'V' or 'X')) return false; // LCD and CMC are acronyms, XIV is a number
        return true;
    }
}

using Fukan.Normalizing;
using Xunit;

namespace Fukan.Tests.Model;

public class JapaneseEraTests
{
    [Theory]
    [InlineData("令和", 8, 2, 12, "2026-02-12")]
    [InlineData("令和", 1, 5, 1, "2019-05-01")]
    [InlineData("平成", 31, 4, 30, "2019-04-30")]
    [InlineData("平成", 23, 3, 1, "2011-03-01")]
    public void ToDate_ValidEraDate_IsGregorian(string era, int y, int m, int d, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), JapaneseEra.ToDate(era, y, m, d));

    [Theory]
    [InlineData("令和", 1, 4, 1)]   // before 令和 began
    [InlineData("令和", 8, 2, 30)]  // no such day
    [InlineData("令和", 0, 1, 1)]
    [InlineData("天保", 3, 1, 1)]
    public void ToDate_ImpossibleDate_IsNull(string era, int y, int m, int d) =>
        Assert.Null(JapaneseEra.ToDate(era, y, m, d));
}

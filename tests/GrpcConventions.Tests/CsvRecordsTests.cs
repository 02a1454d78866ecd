using CrmPlatform.GrpcConventions;

namespace CrmPlatform.GrpcConventions.Tests;

public class CsvRecordsTests
{
    private static async Task<List<CsvRecord>> Read(string csv)
    {
        var records = new CsvRecords(new StringReader(csv));
        var all = new List<CsvRecord>();
        while (await records.Next(CancellationToken.None) is { } record)
        {
            all.Add(record);
        }

        return all;
    }

    [Fact]
    public async Task Next_ReadsQuotedCellsWithCommasDoubledQuotesAndLineBreaks()
    {
        var records = await Read("a,\"b, \"\"c\"\"\nd\",e\n");

        var record = Assert.Single(records);
        Assert.Equal(["a", "b, \"c\"\nd", "e"], record.Cells);
        Assert.Null(record.Problem);
    }

    [Fact]
    public async Task Next_RejectsOnlyTheRecordWhoseQuoteNeverCloses_AndReadsTheLinesAfterIt()
    {
        var records = await Read("1,ok\n2,\"broken\n3,fine\n4,also fine\n");

        Assert.Equal([1, 2, 3, 4], records.Select(r => r.Line));
        Assert.Contains("line 2", records[1].Problem);
        Assert.Equal([null, null, null], new[] { records[0], records[2], records[3] }.Select(r => r.Problem));
        Assert.Equal(["4", "also fine"], records[3].Cells);
    }

    [Fact]
    public async Task Next_StopsAQuotedCellAfterTheLineLimit_SoAMissingQuoteCostsOneRecord()
    {
        var lines = string.Concat(Enumerable.Range(2, CsvRecords.MaxLinesPerRecord + 5).Select(i => $"{i},row\n"));

        var records = await Read("1,\"open\n" + lines + "2,\"closes\"\n");

        Assert.NotNull(records[0].Problem);
        Assert.Equal(CsvRecords.MaxLinesPerRecord + 7, records.Count);
        Assert.All(records.Skip(1), r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task Next_RejectsAQuoteInsideAnUnquotedCell_WithItsLine()
    {
        var records = await Read("1,ok\n2,Joe \"Best\" Bar\n");

        Assert.Null(records[0].Problem);
        Assert.StartsWith("line 2: cell 2", records[1].Problem);
    }

    [Fact]
    public async Task Next_RejectsTextAfterAClosingQuote()
    {
        var record = Assert.Single(await Read("\"Acme\" Inc,1\n"));

        Assert.StartsWith("line 1: cell 1 has text after its closing quote", record.Problem);
    }

    [Fact]
    public async Task Next_AllowsSpacesAroundAQuotedCell()
    {
        var record = Assert.Single(await Read("1, \"Comma, Inc\" ,2\n"));

        Assert.Null(record.Problem);
        Assert.Equal(["1", "Comma, Inc", "2"], record.Cells);
    }
}

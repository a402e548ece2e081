using Partnera.Features.People.Matching;

namespace Partnera.Tests.Features.People;

public sealed class MatchCommandTests
{
    [Fact]
    public void The_command_line_matcher_writes_candidate_pairs_with_scores_and_reports_bad_rows_by_number()
    {
        const string people = """
            id,family_name,given_name,patronymic,birth_date,sex,document,address
            a1,Коваленко,Олександр,Петрович,1980-05-07,M,АА123456,"Бахмут, вул. Миру, 5"
            b7,Kovalenko,Aleksandr,,07.05.1980,M,,
            c3,Rusu,Ștefan,,1975-03-09,M,,"Cahul, str. Păcii 44"
            d4,Русу,Штефан,,,M,,"Кахул, стр. Пэчий 44"
            e5,Петренко,Марія,,1990-01-01,F,,
            ,Nobody,Here,,1990-01-01,F,,
            f6,Ткачук,Ганна,,31.02.1990,F,,
            g7,Ткачук,Ганна,,1990-02-03,X,,
            """;
        using var output = new StringWriter();
        var (count, pairs, problems) = MatchCommand.Match(new StringReader(people), output);

        Assert.Equal(5, count);
        Assert.Equal(["row 7: id, family_name and given_name are required", "row 8: birth_date \"31.02.1990\" is not a date (yyyy-mm-dd or dd.mm.yyyy)", "row 9: sex \"X\" is not F or M"], problems);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("first_id,second_id,score,family_name,given_name,names_swapped,birth_date,same_document,patronymic,address,sex_differs", lines[0]);
        Assert.Equal(2, pairs);
        Assert.StartsWith("a1,b7,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("c3,d4,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_line_matcher_reads_and_writes_files()
    {
        var input = Path.GetTempFileName();
        var output = Path.GetTempFileName();
        try
        {
            File.WriteAllText(input, "id,family_name,given_name,birth_date\n1,Rusu,Ion,1975-03-09\n2,Русу,Ион,1975-09-03\n");
            using var log = new StringWriter();
            Assert.Equal(0, MatchCommand.Run([input, output], log));
            Assert.Contains("2 people, 1 probable pairs, 0 bad rows", log.ToString(), StringComparison.Ordinal);
            Assert.StartsWith("1,2,", File.ReadAllLines(output)[1], StringComparison.Ordinal);
            Assert.Equal(64, MatchCommand.Run([input], log));
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }
}

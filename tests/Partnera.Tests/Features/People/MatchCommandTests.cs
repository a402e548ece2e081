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
            // The pairs written over the list would destroy it: refused, the list kept.
            var list = File.ReadAllText(input);
            Assert.Equal(64, MatchCommand.Run([input, input], log));
            Assert.Contains("would overwrite the list", log.ToString(), StringComparison.Ordinal);
            Assert.Equal(list, File.ReadAllText(input));
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    [Theory]
    [InlineData("", 67, "the file is empty")]
    [InlineData("\n\n", 67, "the file is empty")]
    [InlineData("id,family_name,given_name,settlement\n1,Rusu,Ion,Cahul\n", 68, "unknown columns: settlement (expected: id, family_name, given_name, patronymic, birth_date, sex, document, address")]
    [InlineData("id,family,given_name\n1,Rusu,Ion\n", 68, "unknown columns: family; missing columns: family_name")]
    [InlineData("id,family_name,given_name\n1,Rusu,Ion\n2,Русу,Ион\n1,Popa,Ana\n", 69, "id \"1\" is on row 2 and row 4")]
    public void A_file_the_command_cannot_match_is_refused_with_a_message_and_an_exit_code_of_its_own(string content, int code, string message)
    {
        var input = Path.GetTempFileName();
        var output = Path.GetTempFileName();
        try
        {
            File.WriteAllText(input, content);
            using var log = new StringWriter();
            Assert.Equal(code, MatchCommand.Run([input, output], log));
            Assert.Contains(message, log.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    [Fact]
    public void A_missing_input_file_or_output_folder_is_said_and_not_a_crash()
    {
        var input = Path.GetTempFileName();
        var nowhere = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(input, "id,family_name,given_name\n1,Rusu,Ion\n");
            using var log = new StringWriter();
            Assert.Equal(66, MatchCommand.Run([Path.Combine(nowhere, "people.csv"), input], log));
            Assert.Contains("no such file", log.ToString(), StringComparison.Ordinal);
            Assert.Equal(73, MatchCommand.Run([input, Path.Combine(nowhere, "pairs.csv")], log));
            Assert.Contains("does not exist", log.ToString(), StringComparison.Ordinal);
            Assert.False(System.IO.Directory.Exists(nowhere));
        }
        finally
        {
            File.Delete(input);
        }
    }
}

using System.Text;
using Partnera.Infrastructure.Imports;

namespace Partnera.Tests.Platform;

public sealed class TableFileTests
{
    static TableFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData(65001, "Прізвище;Ім'я;Дата народження\nКоваленко;Олександр;14.02.1948\n")]
    [InlineData(1251, "Прізвище;Ім'я;Дата народження\nКоваленко;Олександр;14.02.1948\n")]
    [InlineData(1251, "family_name,given_name\nШевчук,Олена\nІваненко,Їржі\n")]
    [InlineData(1250, "Nume;Prenume;Localitatea\nRusu;Ştefan;Străşeni\nCiobanu;Ion;Bălţi\n")]
    public void A_csv_saved_by_excel_in_a_windows_code_page_reads_as_typed(int codePage, string text)
    {
        var bytes = Encoding.GetEncoding(codePage).GetBytes(text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split([',', ';'])).ToList();
        Assert.Equal(lines[0], TableFile.Headers(bytes, "list.csv"));
        Assert.Equal(lines.Skip(1).ToList(), TableFile.DataRows(bytes, "list.csv").Select(r => r.Cells).ToList());
    }
}

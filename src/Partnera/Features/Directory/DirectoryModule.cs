using Partnera.Data;
using Partnera.Features.Directory.Taxonomies;

namespace Partnera.Features.Directory;

public static class DirectoryModule
{
    public static IServiceCollection AddDirectory(this IServiceCollection services) =>
        services.AddScoped<IReferenceData, ShippedTaxonomies>()
            .AddScoped<ServiceEditor>()
            .AddScoped<Hsds.HsdsExport>()
            .AddScoped<Hsds.HsdsImport>()
            .AddScoped<Search.ServiceSearchIndex>()
            .AddScoped<Search.ServiceFinder>();
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Platform;

public sealed class EndpointPolicyTests(TestApps apps)
{
    [Fact]
    public async Task Every_endpoint_declares_who_may_use_it()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(e => $"{e.RoutePattern.RawText} ({e.DisplayName})")
            .ToList();

        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} endpoints found");
        Assert.Empty(undeclared);
    }

    [Fact]
    public async Task Administration_pages_require_the_administrator_policy()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        string?[] adminPages = ["Account/Users", "Audit", "Territories/Manage/Import"];
        foreach (var page in adminPages)
        {
            var endpoint = endpoints.First(e => e.RoutePattern.RawText == page);
            Assert.Contains(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == "Administrator");
        }
    }
}

using System.Reflection;
using ChatRag.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Tests;

/// <summary>
/// One options class per configuration section (issue #14): a section read by two classes splits one setting's
/// default, validation and documentation in two (<c>DataDirectory</c> was declared twice).
/// </summary>
public sealed class OptionsSectionArchitectureTests
{
    [Fact]
    public void No_two_options_classes_declare_the_same_section()
    {
        var declared = ChatRagAssemblies()
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Section: SectionOf(t)))
            .Where(x => x.Section is not null)
            .ToList();

        var shared = declared
            .GroupBy(x => x.Section!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}' is declared by {string.Join(" and ", g.Select(x => x.Type.FullName).Order(StringComparer.Ordinal))}")
            .ToList();

        Assert.True(declared.Count >= 10, $"only {declared.Count} options classes found: the scan is broken");
        Assert.True(shared.Count == 0, "One options class per configuration section: " + string.Join("; ", shared));
    }

    /// <summary>
    /// What the running server binds, read from its registrations: every <c>Bind</c> leaves a change-token source
    /// holding the section, so a class that binds a section without declaring it cannot slip past the test above.
    /// </summary>
    [Fact]
    public void The_server_binds_each_section_to_one_options_class_that_declares_it()
    {
        List<ServiceDescriptor> registrations = [];
        using var factory = new ChatRagServerFactory(new Dictionary<string, string?>
        {
            // A remote decoder binds the decoder section too, without starting a model.
            ["ChatRag:Decoder:Kind"] = "OpenAI",
            ["ChatRag:Decoder:Endpoint"] = "http://127.0.0.1:9/v1",
            ["ChatRag:Decoder:Model"] = "m",
        });
        using var server = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services => registrations = [.. services]));
        _ = server.Services;

        var bound = registrations
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(d => (Type: d.ServiceType.GetGenericArguments()[0], Section: BoundSection(d.ImplementationInstance)))
            .Where(x => x.Section is not null && x.Type.Assembly.GetName().Name!.StartsWith("ChatRag.", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        var shared = bound
            .GroupBy(x => x.Section!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(x => x.Type).Distinct().Count() > 1)
            .Select(g => $"'{g.Key}' is bound to {string.Join(" and ", g.Select(x => x.Type.FullName).Distinct().Order(StringComparer.Ordinal))}")
            .ToList();
        var undeclared = bound
            .Where(x => !string.Equals(SectionOf(x.Type), x.Section, StringComparison.OrdinalIgnoreCase))
            .Select(x => $"{x.Type.FullName} is bound to '{x.Section}' but declares {SectionOf(x.Type) ?? "no SectionName"}")
            .ToList();

        Assert.Contains(bound, x => x.Section == "ChatRag:Decoder");
        Assert.True(shared.Count == 0, "One options class per configuration section: " + string.Join("; ", shared));
        Assert.True(undeclared.Count == 0, string.Join("; ", undeclared));
    }

    private static string? SectionOf(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.FieldType == typeof(string)
            ? (string?)field.GetRawConstantValue()
            : null;

    // ConfigurationChangeTokenSource keeps the bound section in a private field; if that ever changes, fail loudly.
    private static string? BoundSection(object? source)
    {
        if (source is null || !source.GetType().IsGenericType || source.GetType().GetGenericTypeDefinition() != typeof(ConfigurationChangeTokenSource<>))
        {
            return null;
        }

        var field = source.GetType().GetField("_config", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException("ConfigurationChangeTokenSource no longer keeps its section in _config; update this test.");
        return field.GetValue(source) is IConfigurationSection section ? section.Path : null;
    }

    private static List<Assembly> ChatRagAssemblies()
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(ServerMarker).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!found.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("ChatRag.", StringComparison.Ordinal)))
            {
                pending.Push(Assembly.Load(reference));
            }
        }

        return [.. found.Values];
    }
}

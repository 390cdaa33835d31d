using System.Globalization;
using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Import;

/// <summary>One CSV row parsed and checked; <see cref="Errors"/> says why it cannot be imported.</summary>
public sealed record MemberRow(
    Person Person,
    string? Card,
    CredentialKind CredentialKind,
    string? PassName,
    TimeWindow? PassValidity,
    bool PassIsMain,
    IReadOnlyList<string> Errors)
{
    public static readonly string[] Columns =
        ["first_name", "last_name", "email", "kind", "gender", "card", "credential_kind", "pass_name", "pass_from", "pass_until", "pass_main"];

    public static MemberRow Parse(Func<string, string?> cell, OrganizationId org)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var errors = new List<string>();
        var first = cell("first_name");
        var last = cell("last_name");
        if (string.IsNullOrWhiteSpace(first))
        {
            errors.Add("first_name is empty.");
        }

        if (string.IsNullOrWhiteSpace(last))
        {
            errors.Add("last_name is empty.");
        }

        var email = cell("email");
        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add($"email '{email}' is not an email address.");
        }

        var kind = Enum<PersonKind>(cell("kind"), "kind", PersonKind.Member, errors);
        var gender = Enum<Gender>(cell("gender"), "gender", Gender.Unspecified, errors);
        var credentialKind = Enum<CredentialKind>(cell("credential_kind"), "credential_kind", CredentialKind.Card, errors);
        var card = cell("card");
        if (card is { Length: > 128 })
        {
            errors.Add("card is longer than 128 characters.");
        }

        var passName = cell("pass_name");
        var from = Date(cell("pass_from"), "pass_from", errors);
        var until = Date(cell("pass_until"), "pass_until", errors);
        TimeWindow? validity = null;
        if (passName is not null || from is not null || until is not null)
        {
            if (passName is null || from is null || until is null)
            {
                errors.Add("A pass needs pass_name, pass_from and pass_until.");
            }
            else if (until < from)
            {
                errors.Add($"pass_until ({until:yyyy-MM-dd}) is before pass_from ({from:yyyy-MM-dd}).");
            }
            else
            {
                validity = new TimeWindow(from.Value, until.Value);
            }
        }

        var main = cell("pass_main") is not { } m || !bool.TryParse(m, out var parsedMain) || parsedMain;
        var person = new Person(default, org, kind, first?.Trim() ?? string.Empty, last?.Trim() ?? string.Empty, gender, Email: email);
        return new MemberRow(person, card, credentialKind, passName, validity, main, errors);
    }

    private static T Enum<T>(string? value, string column, T fallback, List<string> errors)
        where T : struct, System.Enum
    {
        if (value is null)
        {
            return fallback;
        }

        if (System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        errors.Add($"{column} '{value}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}.");
        return fallback;
    }

    private static DateTimeOffset? Date(string? value, string column, List<string> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        errors.Add($"{column} '{value}' is not a valid date (use yyyy-MM-dd or ISO 8601).");
        return null;
    }
}

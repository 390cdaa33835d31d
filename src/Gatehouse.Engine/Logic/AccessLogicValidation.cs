namespace Gatehouse.Engine.Logic;

/// <summary>R-GYM-01: the values a logic cannot hold, reported together so an editor can show them all at once.</summary>
internal static class AccessLogicValidation
{
    public static IReadOnlyList<AccessLogicError> Validate(AccessLogic logic)
    {
        var errors = new List<AccessLogicError>();
        var checks = logic.Checks;
        var advanced = logic.Advanced;
        Require(errors, !string.IsNullOrWhiteSpace(logic.Name), nameof(logic.Name), "A logic needs a name.");
        Require(errors, logic.Version >= 1, nameof(logic.Version), "The version starts at 1.");
        Require(errors, logic.ModifiedAt >= logic.CreatedAt, nameof(logic.ModifiedAt), "A logic cannot be modified before it was created.");
        Require(errors, checks.UpcomingBookingBufferMinutes >= 0, nameof(checks.UpcomingBookingBufferMinutes), "The buffer cannot be negative.");
        Require(errors, checks.RecentPictureChangeDays >= 0, nameof(checks.RecentPictureChangeDays), "The number of days cannot be negative.");
        Require(errors, checks.SuccessText is not null, nameof(checks.SuccessText), "The success text cannot be null; use an empty text.");
        Require(errors, checks.FailureText is not null, nameof(checks.FailureText), "The failure text cannot be null; use an empty text.");
        Require(errors, advanced.AllowedDaysInDebt >= 0, nameof(advanced.AllowedDaysInDebt), "The number of days in debt cannot be negative.");
        Require(errors, advanced.PosBalanceLimit >= 0, nameof(advanced.PosBalanceLimit), "Enter the POS balance limit as a positive amount.");
        Require(errors, advanced.BookingStartOffsetMinutes <= 0, nameof(advanced.BookingStartOffsetMinutes), "Enter the start offset with a minus sign (minutes before the start).");
        Require(errors, advanced.BookingEndOffsetMinutes >= 0, nameof(advanced.BookingEndOffsetMinutes), "The end offset counts minutes after the end; it cannot be negative.");
        Require(errors, advanced.FacilityBookingStartOffsetMinutes <= 0, nameof(advanced.FacilityBookingStartOffsetMinutes), "Enter the start offset with a minus sign (minutes before the start).");
        Require(errors, advanced.FacilityBookingEndOffsetMinutes >= 0, nameof(advanced.FacilityBookingEndOffsetMinutes), "The end offset counts minutes after the end; it cannot be negative.");
        Require(errors, advanced.DoubleEntryTimeSeconds >= 0, nameof(advanced.DoubleEntryTimeSeconds), "The double entry time cannot be negative.");
        Require(errors, advanced.QrValidityMinutes > 0, nameof(advanced.QrValidityMinutes), "A QR code must be valid for at least one minute.");
        Require(errors, advanced.ExternalAccessBudgetMilliseconds > 0, nameof(advanced.ExternalAccessBudgetMilliseconds), "The external access budget must be positive.");
        Require(errors, !advanced.ExternalAccessAllowed || advanced.ExternalAccessUrl is { IsAbsoluteUri: true }, nameof(advanced.ExternalAccessUrl), "External access needs an absolute URL.");
        return errors;
    }

    private static void Require(List<AccessLogicError> errors, bool valid, string field, string message)
    {
        if (!valid)
        {
            errors.Add(new AccessLogicError(field, message));
        }
    }
}

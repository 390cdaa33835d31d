namespace Gatehouse.Engine.Model;

/// <summary>What was booked.</summary>
public enum BookingKind
{
    /// <summary>A class or training session, with a name, teacher and maybe a spot.</summary>
    ClassSession,

    /// <summary>A slot of a facility (court, sauna cabin); has its own offsets (R-GYM-16).</summary>
    Facility,

    /// <summary>A session booked for the person's child: the parent may enter (R-GYM-16).</summary>
    Child,

    /// <summary>An employee's booked office day (R-EMP-04).</summary>
    OfficeDay,
}

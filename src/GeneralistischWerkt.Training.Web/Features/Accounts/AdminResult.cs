namespace GeneralistischWerkt.Training.Web.Features.Accounts;

/// <summary>Outcome of an administration action: either success or Dutch messages to show the beheerder.</summary>
public record AdminResult(IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static AdminResult Ok() => new([]);
    public static AdminResult Fail(params string[] errors) => new(errors);
}

public record AdminResult<T>(T? Value, IReadOnlyList<string> Errors) : AdminResult(Errors)
{
    public static AdminResult<T> Ok(T value) => new(value, []);
    public static new AdminResult<T> Fail(params string[] errors) => new(default, errors);
}

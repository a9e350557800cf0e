namespace GeneralistischWerkt.Training.Web.Identity;

public static class LocalUrl
{
    /// <summary>
    /// The address to go to after signing in: a path on this site, otherwise the start page. Refused: absolute and
    /// protocol-relative addresses ("//evil", "/\evil": an open redirect would send a freshly signed-in user to another
    /// site) and anything outside printable ASCII (a Location header cannot carry "é", and browsers drop tabs and line
    /// breaks, which would turn "/\t/evil" into "//evil").
    /// </summary>
    public static string OrStartPage(string? url) => IsLocal(url) ? url! : "/";

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && url.All(c => c is > ' ' and < '\u007f');
}

using System.Globalization;
using StepUp.LoadTests;

// StepUp load and soak runner.
//   run   [--users 200] [--duration 00:03:00] [--report path.md]   drives two instances sharing one redis-server it starts
//   serve --port N --redis host:port --prefix p                    one app instance (started by "run")
var mode = args.Length > 0 ? args[0] : "run";
string Option(string name, string fallback)
{
    var index = Array.IndexOf(args, "--" + name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

switch (mode)
{
    case "serve":
        await LoadTarget.RunAsync(
            int.Parse(Option("port", "0"), CultureInfo.InvariantCulture),
            Option("redis", "127.0.0.1:6379"),
            Option("prefix", "load:"));
        return 0;
    case "run":
        var settings = new LoadSettings
        {
            Users = int.Parse(Option("users", "200"), CultureInfo.InvariantCulture),
            Duration = TimeSpan.Parse(Option("duration", "00:03:00"), CultureInfo.InvariantCulture),
            Report = Option("report", string.Empty),
        };
        return await LoadDriver.RunAsync(settings);
    default:
        Console.Error.WriteLine("usage: StepUp.LoadTests run [--users 200] [--duration 00:03:00] [--report file.md] | serve --port N --redis host:port --prefix p");
        return 2;
}

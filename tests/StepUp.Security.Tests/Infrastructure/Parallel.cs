namespace StepUp.Security.Tests.Infrastructure;

/// <summary>Fires requests together: every one is created first, then all are released at once by one gate.</summary>
public static class Together
{
    /// <summary>Runs <paramref name="count"/> calls of <paramref name="action"/> at once and answers their results in index order.</summary>
    public static async Task<T[]> RunAsync<T>(int count, Func<int, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.Task;
            return await action(i);
        }).ToArray();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>Runs the calls at once and answers the status codes (disposing the responses).</summary>
    public static async Task<System.Net.HttpStatusCode[]> StatusesAsync(int count, Func<int, Task<HttpResponseMessage>> request) =>
        await RunAsync(count, async i =>
        {
            using var response = await request(i);
            return response.StatusCode;
        });
}

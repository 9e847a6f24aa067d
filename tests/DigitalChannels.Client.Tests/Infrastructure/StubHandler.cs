using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace DigitalChannels.Client.Tests.Infrastructure;

/// <summary>An HttpMessageHandler that answers from a script and records every request it saw, bodies included.</summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, string?, int, HttpResponseMessage> _respond;

    public StubHandler(Func<HttpRequestMessage, string?, int, HttpResponseMessage> respond) => _respond = respond;

    /// <summary>Answers with the given responses in order; the last one repeats.</summary>
    public static StubHandler Sequence(params Func<HttpResponseMessage>[] responses) =>
        new((_, _, n) => responses[Math.Min(n, responses.Length - 1)]());

    public List<RecordedRequest> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content == null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        int index;
        lock (Requests)
        {
            index = Requests.Count;
            Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization, body));
        }
        var response = _respond(request, body, index);
        response.RequestMessage ??= request;
        return response;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        configure?.Invoke(response);
        return response;
    }

    public static HttpResponseMessage Status(HttpStatusCode status, Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(string.Empty) };
        configure?.Invoke(response);
        return response;
    }
}

public sealed record RecordedRequest(HttpMethod Method, Uri Uri, AuthenticationHeaderValue? Authorization, string? Body);

using System.Net;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Http;

public class RedactionTests
{
    [Fact]
    public void Registered_secrets_and_secret_shapes_are_masked()
    {
        var redactor = new SecretRedactor();
        redactor.Add("s3cr3t-value-123");
        var text = redactor.Redact(
            "secret s3cr3t-value-123; header Authorization: Bearer abc.def-ghi; jwt eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln; " +
            "form client_secret=topsecret&x=1; json {\"serviceSecret\":\"AbCdEf==\",\"access_token\":\"tok\"}");

        Assert.DoesNotContain("s3cr3t-value-123", text);
        Assert.DoesNotContain("abc.def-ghi", text);
        Assert.DoesNotContain("eyJhbGciOiJSUzI1NiJ9", text);
        Assert.DoesNotContain("topsecret", text);
        Assert.DoesNotContain("AbCdEf==", text);
        Assert.DoesNotContain("\"tok\"", text);
        Assert.Contains("x=1", text);
    }

    [Fact]
    public void Short_values_are_not_registered_so_ordinary_text_survives()
    {
        var redactor = new SecretRedactor();
        redactor.Add("a");
        Assert.Equal("a cat", redactor.Redact("a cat"));
    }

    [Fact]
    public async Task A_server_that_echoes_the_token_does_not_get_it_into_the_exception_or_verbose_output()
    {
        var handler = new StubHandler((request, _, _) => StubHandler.Json(HttpStatusCode.BadRequest,
            $"{{\"error\":{{\"key\":\"400\",\"message\":[{{\"description\":\"bad header {request.Headers.Authorization}\"}}]}}}}"));
        var verbose = new List<string>();
        using var pipeline = new WebexHttpPipeline(new CountingTokenSource(), handler, RetryPolicy.None);

        WebexApiException ex;
        using (PipelineDiagnostics.Use(verbose.Add))
            ex = await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Get, new Uri("http://x.test/a"), null, CancellationToken.None));

        Assert.DoesNotContain("token-1", ex.Message);
        Assert.DoesNotContain("token-1", ex.ServerMessage);
        Assert.Contains(SecretRedactor.Mask, ex.Message);
        Assert.NotEmpty(verbose);
        Assert.All(verbose, v => Assert.DoesNotContain("token-1", v));
    }
}

using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Tools;

/// <summary>Adds function invocation that answers malformed tool calls with errors (<see cref="ToolCallGuard"/>).</summary>
public static class ToolCallGuardChatClientBuilderExtensions
{
    /// <summary>
    /// <c>UseFunctionInvocation()</c> with <see cref="ToolCallGuard.InvokeAsync"/> as the invoker: broken JSON, unknown
    /// tools and arguments of the wrong type become tool results starting with <c>Error:</c> that the model reads.
    /// </summary>
    /// <param name="builder">The pipeline.</param>
    /// <returns>The same builder.</returns>
    public static ChatClientBuilder UseGuardedFunctionInvocation(this ChatClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseFunctionInvocation(configure: client => client.FunctionInvoker = ToolCallGuard.InvokeAsync);
    }
}

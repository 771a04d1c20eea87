using System.Text;
using ChatRag.Contracts.Chat;
using ChatRag.Web.Api;

namespace ChatRag.Web.State;

/// <summary>One question and its answer as the chat shows it, built up from streamed events or read from history.</summary>
public sealed class AnswerState
{
    private readonly StringBuilder text = new();
    private readonly StringBuilder thoughts = new();
    private readonly List<TraceToolCall> tools = [];
    private readonly List<ChatCitation> citations = [];

    /// <summary>Creates the state for a question about to be answered.</summary>
    public AnswerState(string question)
    {
        Question = question;
    }

    /// <summary>The user's message.</summary>
    public string Question { get; }

    /// <summary>The answer so far (the final, cleaned answer once <see cref="Response"/> arrived).</summary>
    public string Text => Response?.Answer ?? text.ToString();

    /// <summary>The model's reasoning, when it streams any.</summary>
    public string Thoughts => thoughts.ToString();

    /// <summary>Tool calls seen so far (the trace's list once the answer is done).</summary>
    public IReadOnlyList<TraceToolCall> Tools => Response?.Trace.ToolCalls ?? tools;

    /// <summary>Resolved citations so far.</summary>
    public IReadOnlyList<ChatCitation> Citations => Response?.Citations ?? citations;

    /// <summary>The complete response, once the <c>done</c> event arrived.</summary>
    public ChatResponse? Response { get; private set; }

    /// <summary>The system trace, once known.</summary>
    public ChatTrace? Trace => Response?.Trace;

    /// <summary>False once the response says the documents do not answer the question.</summary>
    public bool Found => Response?.Found ?? true;

    /// <summary><c>generative</c> or <c>extractive</c>, once known.</summary>
    public string? Mode => Response?.Mode;

    /// <summary>True while events are still arriving.</summary>
    public bool Streaming { get; set; }

    /// <summary>True when the user stopped generation.</summary>
    public bool Stopped { get; set; }

    /// <summary>The error that ended the answer, if any.</summary>
    public ApiProblem? Error { get; set; }

    /// <summary>Rebuilds a finished answer from a stored conversation message.</summary>
    public static AnswerState FromHistory(string question, ConversationMessageItem answer, Guid conversationId)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var state = new AnswerState(question);
        var trace = answer.Trace;
        state.Response = new ChatResponse(
            conversationId,
            answer.Content,
            answer.Citations ?? [],
            trace?.Mode ?? "generative",
            trace ?? new ChatTrace(question, question, "none", [], [], new TraceTokens(null, null, null), string.Empty, "generative", new Dictionary<string, double>()),
            trace?.Evidence?.Found ?? true);
        return state;
    }

    /// <summary>Applies one streamed event.</summary>
    public void Apply(ChatStreamEvent chatEvent)
    {
        ArgumentNullException.ThrowIfNull(chatEvent);
        switch (chatEvent.Name)
        {
            case "thought":
                thoughts.Append(chatEvent.Text);
                break;
            case "delta":
                text.Append(chatEvent.Text);
                break;
            case "tool" when chatEvent.Tool is not null:
                tools.Add(chatEvent.Tool);
                break;
            case "citation" when chatEvent.Citation is not null:
                citations.RemoveAll(c => c.Index == chatEvent.Citation.Index);
                citations.Add(chatEvent.Citation);
                break;
            case "done" when chatEvent.Done is not null:
                Response = chatEvent.Done;
                Streaming = false;
                break;
            case "error":
                Error = chatEvent.Error;
                Streaming = false;
                break;
        }
    }

    /// <summary>The citation numbered <paramref name="index"/>, if resolved.</summary>
    public ChatCitation? FindCitation(int index) => Citations.FirstOrDefault(c => c.Index == index);
}

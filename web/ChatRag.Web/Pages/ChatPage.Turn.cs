using ChatRag.Contracts.Chat;
using ChatRag.Web.Api;
using ChatRag.Web.State;

namespace ChatRag.Web.Pages;

/// <content>
/// One turn: the question sent, its answer streamed in, and what its done event changes (the conversation, the chips),
/// unless the page moved to another conversation meanwhile.
/// </content>
public partial class ChatPage
{
    private async Task SendAsync()
    {
        var message = input.Trim();
        // Not while a reopened conversation loads: the load and the turn would both set the chips and the stored choice.
        if (message.Length == 0 || streaming is not null || loading)
        {
            return;
        }

        input = string.Empty;
        error = null;
        var answer = new AnswerState(message) { Streaming = true };
        answers.Add(answer);
        using var cancellation = new CancellationTokenSource();
        streaming = cancellation;
        var startedNew = conversationId is null;
        var shown = generation;
        var sent = chosen.Select(d => d.Id).ToList();
        try
        {
            var request = new ChatRequest(message, conversationId, State.Collection, Model: model) { DocumentIds = ChoiceToSend() };
            await foreach (var chatEvent in Api.StreamChatAsync(request, cancellation.Token))
            {
                // An event already on its way when the page moved on (another conversation, a new one) belongs to a turn
                // this page no longer shows: it must not set the conversation or the chips. Stop is no such move: a done
                // event that arrives after it is the turn the server stored, so the page keeps that conversation.
                if (shown != generation)
                {
                    break;
                }

                answer.Apply(chatEvent);
                if (chatEvent.Done is { } done)
                {
                    conversationId = done.ConversationId;
                    await FollowChoiceAsync(done.DocumentIds, sent, shown);
                }

                StateHasChanged();
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            answer.Stopped = answer.Response is null; // an answer completed before the Stop took effect stands
        }
        catch (ApiException e)
        {
            answer.Error = shown == generation ? await ForgetDeletedChipsAsync(e.Problem, message, shown) : e.Problem;
        }
        finally
        {
            answer.Streaming = false;
            if (streaming == cancellation)
            {
                streaming = null;
            }
        }

        if (shown == generation && startedNew && conversationId is { } created)
        {
            State.ConversationsChanged();
            Navigation.NavigateTo($"c/{created}");
        }
        else if (startedNew && shown != generation)
        {
            State.ConversationsChanged(); // the page left it, but the server may have saved it: the sidebar should list it
        }
    }

    private void Stop() => streaming?.Cancel();
}

using ChatRag.Contracts.Documents;
using ChatRag.Web.Api;

namespace ChatRag.Web.State;

/// <summary>One tick of <see cref="InProgressDocuments.RefreshAsync"/>.</summary>
/// <param name="Documents">The caller's list with the fresh statuses in place and the deleted documents gone.</param>
/// <param name="AnyDeleted">Whether a document was deleted meanwhile (the collection's count changed).</param>
/// <param name="Problem">
/// The error that stopped the tick, other than a 404 (the documents not answered keep their last status until the next
/// tick); null when every request was answered.
/// </param>
/// <param name="Failing">The documents still in progress whose reading failed and has not been answered since: the next tick asks them last.</param>
public sealed record InProgressRefresh(IReadOnlyList<DocumentDetails> Documents, bool AnyDeleted, ApiProblem? Problem, IReadOnlySet<Guid> Failing);

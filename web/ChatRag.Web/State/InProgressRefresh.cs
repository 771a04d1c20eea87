using ChatRag.Contracts.Documents;
using ChatRag.Web.Api;

namespace ChatRag.Web.State;

/// <summary>One tick of <see cref="InProgressDocuments.RefreshAsync"/>.</summary>
/// <param name="Documents">The caller's list with the fresh statuses in place and the deleted documents gone.</param>
/// <param name="AnyDeleted">Whether a document was deleted meanwhile (the collection's count changed).</param>
/// <param name="Problem">
/// The first error of the tick other than a 404 (that document keeps its last status; the tick went on with the others);
/// null when every request was answered.
/// </param>
public sealed record InProgressRefresh(IReadOnlyList<DocumentDetails> Documents, bool AnyDeleted, ApiProblem? Problem);

// Each collection runs a server and a browser; on a 2-core CI machine running two at once only makes both slow.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

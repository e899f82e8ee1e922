import { setFlagsFromString } from 'v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// Every edit of a document makes a new string of its whole text (20 MB for a 10 MiB standard in Japanese,
// UTF-16), which is garbage at the next edit. V8's default lets the heap grow up to about four times what
// the last full collection left before it collects again, so a burst of edits to one large standard took
// the server past 500 MB; collecting once the heap has doubled keeps it near 360 MB, for a few milliseconds
// more per edit at that size and none that shows on documents of the usual size (bench/README.md).
setFlagsFromString('--heap-growing-percent=100');

// `--stdio`, `--node-ipc` and `--socket=N` are read by createConnection from process.argv.
startServer(createConnection(ProposedFeatures.all));

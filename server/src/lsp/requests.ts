import { CancellationToken, Connection, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';

/**
 * The methods of `Connection` that register a request handler (the handler is their last argument), with the
 * protocol method they answer; `onRequest` names its method as its first argument.
 */
const REQUEST_REGISTRATIONS: Record<string, string> = {
  onCompletion: 'textDocument/completion',
  onHover: 'textDocument/hover',
  onDefinition: 'textDocument/definition',
  onReferences: 'textDocument/references',
  onDocumentSymbol: 'textDocument/documentSymbol',
  onWorkspaceSymbol: 'workspace/symbol',
  onCodeAction: 'textDocument/codeAction',
  onCodeLens: 'textDocument/codeLens',
  onRequest: '',
};

export interface RequestGuardState {
  /** True once the client has sent `shutdown`. */
  shuttingDown(): boolean;
  log(message: string): void;
}

/**
 * The connection as the features see it: every request handler they register answers clearly instead of
 * working when it should not, and a failure is logged with its stack.
 *
 * - After `shutdown`, a request is an error `InvalidRequest` (the protocol says so), not an answer.
 * - A request the client cancelled before it was handled is answered `RequestCancelled`. The handlers are
 *   synchronous: a cancellation that arrives while one runs has nothing left to stop.
 * - A handler that throws is a bug of Kijun: the client gets the `InternalError` jsonrpc makes of it, and the
 *   log gets the stack, so that the report can be acted on.
 *
 * Everything else of the connection (notifications, sending diagnostics) passes through unchanged.
 */
export function guardRequests(connection: Connection, state: RequestGuardState): Connection {
  return new Proxy(connection, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !Object.hasOwn(REQUEST_REGISTRATIONS, property) || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const handler = args[args.length - 1] as (...handlerArgs: unknown[]) => unknown;
        const method = REQUEST_REGISTRATIONS[property] || String(args[0]);
        args[args.length - 1] = (...handlerArgs: unknown[]) => answer(method, handler, handlerArgs, state);
        return (value as (...registerArgs: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

function answer(method: string, handler: (...args: unknown[]) => unknown, args: unknown[], state: RequestGuardState): unknown {
  if (state.shuttingDown()) return new ResponseError(ErrorCodes.InvalidRequest, `The server is shutting down: ${method} is not answered.`);
  const token = args.find(CancellationToken.is);
  if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, `${method} was cancelled.`);
  try {
    return handler(...args);
  } catch (error) {
    state.log(`${method} failed: ${error instanceof Error ? error.stack : String(error)}`);
    throw error;
  }
}

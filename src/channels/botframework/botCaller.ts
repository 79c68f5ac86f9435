/**
 * What the runtime knows about who is calling `/api/messages`: only whether the connection comes
 * from this machine (Node: the socket's peer address; Workers: see workerCallerOnLoopback).
 */
export interface BotCaller {
  onLoopback: boolean
}

/**
 * Loaded with `node --import` before Roneo: every way a Node program reaches
 * the network (TCP and TLS sockets, UDP, name lookups, http, https, fetch) is
 * replaced by a trap that writes what was attempted to the file named by
 * RONEO_NETWORK_LOG and throws. Sockets are caught at their lowest layer
 * (net.Socket.prototype.connect), which http, https and fetch all go through.
 */
import { appendFileSync } from 'node:fs';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

const log = process.env.RONEO_NETWORK_LOG;
if (!log) throw new Error('RONEO_NETWORK_LOG must name the file where attempts are written');

function trap(name) {
  return function trapped(...args) {
    const target = args.find((arg) => typeof arg === 'string' || (arg && typeof arg === 'object' && ('host' in arg || 'port' in arg || 'path' in arg)));
    appendFileSync(log, `${name} ${typeof target === 'string' ? target : JSON.stringify(target ?? null)}\n`);
    throw new Error(`network access attempted: ${name}`);
  };
}

net.Socket.prototype.connect = trap('net.Socket.connect');
net.connect = net.createConnection = trap('net.connect');
tls.connect = trap('tls.connect');
dgram.Socket.prototype.send = trap('dgram.send');
dgram.Socket.prototype.connect = trap('dgram.connect');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt', 'resolveSrv', 'resolveMx', 'resolveCname', 'resolveNs', 'reverse']) {
  dns[name] = trap(`dns.${name}`);
  dns.promises[name] = trap(`dns.promises.${name}`);
}
http.request = http.get = trap('http.request');
https.request = https.get = trap('https.request');
globalThis.fetch = trap('fetch');
// ESM code that imported these by name (`import { request } from 'node:http'`) sees the traps too.
syncBuiltinESMExports();

# Multi-stage build: install and build with the pinned toolchain, then ship only what runs.
FROM node:24-bookworm-slim AS build
WORKDIR /app
RUN corepack enable
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build \
  && pnpm --filter @atelier/server deploy --prod --legacy /deploy

# Runs as the unprivileged `node` user, on a read-only root file system: the only place written is
# /data (the embedded store; a volume) and /tmp (a tmpfs): `docker run --read-only --tmpfs /tmp
# -v atelier-data:/data …`, or compose's `read_only: true`. Untested here (no Docker on the machines).
FROM node:24-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 DATA_DIR=/data WEB_DIST=/app/web
WORKDIR /app
COPY --from=build /deploy/node_modules ./node_modules
COPY --from=build /app/apps/server/dist ./dist
COPY --from=build /app/apps/web/dist ./web
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
# Liveness: /healthz (a balancer's readiness check is /readyz, which says 503 while Redis is away
# or the process drains; restarting the container would not bring Redis back).
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM drains (README, Operations); `node dist/cli.js backup|restore` for the embedded store.
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "dist/main.js"]

# syntax=docker/dockerfile:1
# Slotwise as a container: a multi-stage build of the Next.js standalone output, served by our own
# HTTP server (scripts/serve.ts, bundled with esbuild; README "Deploy") as a non-root user.
# Configure it with environment variables (README "Configuration"): DATABASE_URL and
# AUTH_SECRET at least; REDIS_URL when several instances run. Migrations run when it starts.
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build
# Our server, bundled into the standalone folder; `next` and the other packages stay imports, which
# resolve from the standalone node_modules that Next.js traced.
RUN npx esbuild scripts/serve.ts --bundle --platform=node --format=esm --target=node20 --packages=external \
  --outfile=.next/standalone/serve.mjs
# The job worker (`node worker.mjs`, compose.yaml's worker service). Next.js bundled drizzle, zod and
# date-fns into its own output, so the worker bundles them too; what Next.js keeps external (and
# traced into the standalone node_modules) stays an import.
RUN npx esbuild scripts/worker.ts --bundle --platform=node --format=esm --target=node20 \
  --external:pg-boss --external:postgres --external:@electric-sql/pglite --external:proper-lockfile \
  --external:@next/env --outfile=.next/standalone/worker.mjs

FROM node:${NODE_VERSION}-bookworm-slim AS run
WORKDIR /app
# HOST=0.0.0.0: inside a container the app must listen beyond loopback (npm start defaults to 127.0.0.1).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0
RUN groupadd --system --gid 1001 slotwise && useradd --system --uid 1001 --gid slotwise slotwise
# The standalone build and our server with the node_modules Next.js traced, the static assets, and
# the SQL migrations the app applies on start.
COPY --from=build --chown=slotwise:slotwise /app/.next/standalone ./
COPY --from=build --chown=slotwise:slotwise /app/.next/static ./.next/static
COPY --from=build --chown=slotwise:slotwise /app/public ./public
COPY --from=build --chown=slotwise:slotwise /app/drizzle ./drizzle
# Uploaded images (POST /api/v1/uploads); mount a volume here (compose.yaml) so they outlive the container.
ENV UPLOAD_DIR=/data/uploads
RUN mkdir -p /data/uploads && chown slotwise:slotwise /data/uploads
USER slotwise
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# exec form: node is PID 1 and gets `docker stop`'s SIGTERM, which stops the server gracefully.
# `node worker.mjs` instead runs the job worker (compose.yaml).
CMD ["node", "serve.mjs"]

# syntax=docker/dockerfile:1
# Slotwise as a container: a multi-stage build of the Next.js standalone output, run as a non-root
# user. Configure it with environment variables (README "Configuration"): DATABASE_URL and
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

FROM node:${NODE_VERSION}-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN groupadd --system --gid 1001 slotwise && useradd --system --uid 1001 --gid slotwise slotwise
# The standalone server with the node_modules it traced, the static assets, and the SQL migrations
# the app applies on start.
COPY --from=build --chown=slotwise:slotwise /app/.next/standalone ./
COPY --from=build --chown=slotwise:slotwise /app/.next/static ./.next/static
COPY --from=build --chown=slotwise:slotwise /app/public ./public
COPY --from=build --chown=slotwise:slotwise /app/drizzle ./drizzle
USER slotwise
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.js"]

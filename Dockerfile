# Målkart in a container. Every build step is a script in the repository (scripts/release.sh),
# which CI also runs and tests (scripts/test-release.sh), because no container can be built on
# the machines where the project is developed.
#   docker build -t malkart .
#   docker run -p 8080:8080 -v malkart-data:/data malkart
# Node: the same LTS line as package.json's engines and its `node` dependency (24).

# --- build: all dependencies, then the release with runtime dependencies only ---
FROM node:24-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN scripts/release.sh /app

# --- runtime: the release, a non-root user, the data volume ---
FROM node:24-bookworm-slim
# Fonts for the PNG export and the map in the DOCX (resvg draws no text without them).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-liberation fonts-dejavu-core fontconfig \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=root:root /app /app
RUN groupadd --system malkart && useradd --system --gid malkart --home-dir /nonexistent --shell /usr/sbin/nologin malkart \
 && mkdir -p /data && chown malkart:malkart /data
USER malkart
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 CMD ["node", "scripts/healthcheck.mjs"]
# node directly (not npm) as PID 1's child-free process: it receives SIGTERM itself, saves every
# open board and closes connections with 1012 (server/main.ts). Give it time: docker stop -t 30.
STOPSIGNAL SIGTERM
CMD ["node", "dist/server/main.js"]

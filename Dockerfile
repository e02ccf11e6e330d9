# Directus 11.17.4 with Customer Portal installed as an npm package, the way Directus documents
# extensions for its official image (see README, "Install"). Build context: the project folder,
# holding the tarball `npm pack` made:
#   npm run build && npm pack
#   docker build -t directus-customer-portal .
FROM directus/directus:11.17.4

# The image's node_modules were laid out by pnpm as the `node` user; extensions are added the same
# way (npm would prune what pnpm installed).
USER root
RUN corepack enable
USER node

# Exactly one tarball must match: a stale one of another version fails the build instead of
# installing the wrong bundle. Directus loads it at the next start from /directus/package.json.
COPY --chown=node:node directus-extension-customer-portal-*.tgz /directus/customer-portal.tgz
RUN pnpm install ./customer-portal.tgz

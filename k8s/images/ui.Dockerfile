# The web UI alone, for a cluster where the ingress sends / to it (the standalone jar serves it itself):
#   (cd ui && npm ci && npm run build) && docker build -f k8s/images/ui.Dockerfile -t erp-approval/ui:0.1.0 .
FROM nginxinc/nginx-unprivileged:1.27-alpine
COPY ui/dist/ /usr/share/nginx/html/
EXPOSE 8080

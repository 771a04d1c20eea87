# ChatRag server image. Two runtime variants from one build:
#   CPU (default):  docker build -t chatrag .
#   GPU (CUDA 13):  docker build -t chatrag:gpu --build-arg VARIANT=gpu .      (or --target gpu)
# The GPU variant needs the NVIDIA Container Toolkit on the host and `--gpus all` / a compose GPU reservation.

ARG DOTNET_VERSION=10.0
ARG CUDA_IMAGE=nvidia/cuda:13.0.0-cudnn-runtime-ubuntu24.04
ARG VARIANT=cpu

# ---- project files only: this layer changes only when a project or build file changes -----------------------
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS projects
WORKDIR /src
COPY . .
RUN mkdir /projects \
 && find . \( -name '*.csproj' -o -name 'Directory.Build.props' -o -name 'Directory.Packages.props' \
          -o -name 'Directory.Build.targets' -o -name 'global.json' -o -name 'nuget.config' -o -name 'NuGet.config' \) \
          -not -path './tests/*' -exec cp --parents {} /projects \;

# ---- restore (cached while the project files are unchanged), then publish -----------------------------------
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
COPY --from=projects /projects ./
RUN dotnet restore src/ChatRag.Server/ChatRag.Server.csproj \
 && dotnet restore src/ChatRag.Cli/ChatRag.Cli.csproj
COPY . .
# The CLI ships beside the server (same dependencies, one folder) so an operator can create the first API key in the
# running container: docker compose exec chatrag dotnet chatrag.dll keys create admin
RUN dotnet publish src/ChatRag.Server/ChatRag.Server.csproj -c Release -o /app --no-restore -p:UseAppHost=false \
 && dotnet publish src/ChatRag.Cli/ChatRag.Cli.csproj -c Release -o /app --no-restore -p:UseAppHost=false

# ---- CPU runtime: the slim ASP.NET image, non-root user `app` (uid 1654) built in ----------------------------
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS cpu

# ---- GPU runtime: CUDA 13 + cuDNN runtime, with the ASP.NET runtime copied from the official image -----------
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS aspnet-runtime
FROM ${CUDA_IMAGE} AS gpu
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates libssl3t64 zlib1g tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 1654 app \
 && useradd --uid 1654 --gid app --no-create-home --shell /usr/sbin/nologin app
COPY --from=aspnet-runtime /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_ROOT=/usr/share/dotnet \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility

# ---- final: the chosen variant plus the published app -------------------------------------------------------
FROM ${VARIANT} AS final
# OCR for scanned PDFs and images, in both variants: Tesseract 5 with English and French data, Poppler's pdftoppm.
# Other languages are one package each (tesseract-ocr-deu, ...) plus ChatRag__Ocr__Languages.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra poppler-utils \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data /app/models && chown -R 1654:1654 /data
# The image listens on every interface of its network namespace, so it always requires API keys: every /api call
# answers 401 until a key exists (the 401 says how to create one). Anonymous access needs an explicit
# ChatRag__Auth__Mode=Anonymous from the operator.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    ChatRag__Auth__Mode=ApiKeys \
    ChatRag__DataDirectory=/data \
    ChatRag__ModelsDirectory=/app/models
VOLUME /data
EXPOSE 8080
USER 1654
ENTRYPOINT ["dotnet", "ChatRag.Server.dll"]

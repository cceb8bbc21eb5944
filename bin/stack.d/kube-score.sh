# shellcheck shell=bash
# kube-score, a maintained checker of Kubernetes objects (resources and limits, probes, security context, disruption
# budgets, network policies, services that select no pod, ...), for the manifest tests; built with go install, like
# Kustomize; no server. Sourced by bin/stack, which exports its path as ATS_KUBE_SCORE.

KUBE_SCORE_MODULE=github.com/zegl/kube-score/cmd/kube-score
KUBE_SCORE_VERSION=v1.20.0
KUBE_SCORE_BIN=$CACHE_DIR/kube-score-$KUBE_SCORE_VERSION/kube-score

install_kube_score() {
  go_install_cached kube-score "$KUBE_SCORE_MODULE" "$KUBE_SCORE_VERSION" "$KUBE_SCORE_BIN" "a minute or two"
}

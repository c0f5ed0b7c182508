//! The starting commands Exercise 2.1 drafts for each platform and strategy. They are
//! starting points the participant replaces with their own (the guide: focus on principles,
//! let participants adapt to their infrastructure). Each reads its values from environment
//! variables the workflow sets: $APP_NAME, $IMAGE, $HEALTH_URL, $SLOT, $PERCENT, $METRIC,
//! $THRESHOLD, and on Azure $RESOURCE_GROUP.

use crate::course::Inputs;

/// The platform chosen, defaulting to the participant's own scripts.
pub(super) fn platform(a: &Inputs) -> &'static str {
    match a.text("platform") {
        "kubernetes" => "kubernetes",
        "azure-webapp" => "azure-webapp",
        _ => "script",
    }
}

fn canary(a: &Inputs) -> bool {
    a.text("strategy") == "canary"
}

fn owned(text: &str) -> Option<String> {
    Some(text.to_owned())
}

pub(super) fn build_command(a: &Inputs) -> Option<String> {
    owned(match platform(a) {
        "kubernetes" => "docker build --tag \"$IMAGE\" .\ndocker push \"$IMAGE\"",
        "azure-webapp" => "zip --recurse-paths app.zip . --exclude '.git/*'",
        _ => "./deploy/build.sh \"$IMAGE\"",
    })
}

pub(super) fn deploy_command(a: &Inputs) -> Option<String> {
    owned(match (platform(a), canary(a)) {
        // The app reads its secrets from the Secret the workflow writes just before.
        ("kubernetes", false) => {
            "kubectl set env deployment/\"$APP_NAME-$SLOT\" --from=secret/\"$APP_NAME-secrets\"\nkubectl set image deployment/\"$APP_NAME-$SLOT\" app=\"$IMAGE\"\nkubectl rollout status deployment/\"$APP_NAME-$SLOT\" --timeout=5m"
        }
        // A rollback scaled the canary to zero: the next deploy brings it back.
        ("kubernetes", true) => {
            "kubectl scale deployment/\"$APP_NAME-canary\" --replicas=1\nkubectl set env deployment/\"$APP_NAME-canary\" --from=secret/\"$APP_NAME-secrets\"\nkubectl set image deployment/\"$APP_NAME-canary\" app=\"$IMAGE\"\nkubectl rollout status deployment/\"$APP_NAME-canary\" --timeout=5m"
        }
        ("azure-webapp", false) => {
            "az webapp deploy --resource-group \"$RESOURCE_GROUP\" --name \"$APP_NAME\" --slot \"$SLOT\" --src-path app.zip"
        }
        ("azure-webapp", true) => {
            "az webapp deploy --resource-group \"$RESOURCE_GROUP\" --name \"$APP_NAME\" --slot canary --src-path app.zip"
        }
        (_, false) => "./deploy/deploy.sh \"$SLOT\" \"$IMAGE\"",
        (_, true) => "./deploy/deploy-canary.sh \"$IMAGE\"",
    })
}

pub(super) fn smoke_test_command(a: &Inputs) -> Option<String> {
    owned(match (platform(a), canary(a)) {
        ("kubernetes", false) => {
            "kubectl run \"smoke-$GITHUB_RUN_ID\" --rm --stdin --restart=Never --image=curlimages/curl -- \\\n  curl --fail --silent --show-error --max-time 20 \"http://$APP_NAME-$SLOT/health\""
        }
        ("kubernetes", true) => {
            "kubectl run \"smoke-$GITHUB_RUN_ID\" --rm --stdin --restart=Never --image=curlimages/curl -- \\\n  curl --fail --silent --show-error --max-time 20 \"http://$APP_NAME-canary/health\""
        }
        ("azure-webapp", false) => {
            "curl --fail --silent --show-error --max-time 20 \"https://$APP_NAME-$SLOT.azurewebsites.net/health\""
        }
        ("azure-webapp", true) => {
            "curl --fail --silent --show-error --max-time 20 \"https://$APP_NAME-canary.azurewebsites.net/health\""
        }
        (_, false) => "./deploy/smoke-test.sh \"$SLOT\"",
        (_, true) => "./deploy/smoke-test.sh canary",
    })
}

/// The two slots' names. App Service's are fixed: production serves, staging waits.
pub(super) fn slot_a(a: &Inputs) -> Option<String> {
    owned(if platform(a) == "azure-webapp" { "production" } else { "blue" })
}

pub(super) fn slot_b(a: &Inputs) -> Option<String> {
    owned(if platform(a) == "azure-webapp" { "staging" } else { "green" })
}

pub(super) fn live_slot_command(a: &Inputs) -> Option<String> {
    owned(match platform(a) {
        "kubernetes" => "kubectl get service \"$APP_NAME\" --output jsonpath='{.spec.selector.slot}'",
        // App Service's production slot always serves: the swap exchanges what runs in them.
        "azure-webapp" => "echo production",
        _ => "./deploy/live-slot.sh",
    })
}

pub(super) fn switch_command(a: &Inputs) -> Option<String> {
    owned(match platform(a) {
        "kubernetes" => "kubectl patch service \"$APP_NAME\" --patch \"{\\\"spec\\\":{\\\"selector\\\":{\\\"slot\\\":\\\"$SLOT\\\"}}}\"",
        // A swap is its own undo: swapping again switches back.
        "azure-webapp" => {
            "az webapp deployment slot swap --resource-group \"$RESOURCE_GROUP\" --name \"$APP_NAME\" --slot staging --target-slot production"
        }
        _ => "./deploy/switch-traffic.sh \"$SLOT\"",
    })
}

pub(super) fn traffic_command(a: &Inputs) -> Option<String> {
    owned(match platform(a) {
        "kubernetes" => {
            "kubectl annotate ingress \"$APP_NAME-canary\" nginx.ingress.kubernetes.io/canary-weight=\"$PERCENT\" --overwrite"
        }
        "azure-webapp" => {
            "az webapp traffic-routing set --resource-group \"$RESOURCE_GROUP\" --name \"$APP_NAME\" --distribution canary=\"$PERCENT\""
        }
        _ => "./deploy/set-canary-traffic.sh \"$PERCENT\"",
    })
}

pub(super) fn metric_check_command(_: &Inputs) -> Option<String> {
    owned("./deploy/check-metric.sh \"$METRIC\" \"$THRESHOLD\"")
}

pub(super) fn promote_command(a: &Inputs) -> Option<String> {
    owned(match platform(a) {
        "kubernetes" => {
            "kubectl set env deployment/\"$APP_NAME\" --from=secret/\"$APP_NAME-secrets\"\nkubectl set image deployment/\"$APP_NAME\" app=\"$IMAGE\"\nkubectl rollout status deployment/\"$APP_NAME\" --timeout=5m\nkubectl annotate ingress \"$APP_NAME-canary\" nginx.ingress.kubernetes.io/canary-weight=0 --overwrite"
        }
        "azure-webapp" => {
            "az webapp deployment slot swap --resource-group \"$RESOURCE_GROUP\" --name \"$APP_NAME\" --slot canary --target-slot production\naz webapp traffic-routing clear --resource-group \"$RESOURCE_GROUP\" --name \"$APP_NAME\""
        }
        _ => "./deploy/promote-canary.sh",
    })
}

/// After the promotion, the stable version is the new one: this puts back the one before.
pub(super) fn restore_command(a: &Inputs) -> Option<String> {
    owned(match platform(a) {
        "kubernetes" => "kubectl rollout undo deployment/\"$APP_NAME\"\nkubectl rollout status deployment/\"$APP_NAME\" --timeout=5m",
        // The promotion swapped the canary into production, so the canary slot holds the
        // version that ran before: swapping again puts it back.
        "azure-webapp" => {
            "az webapp deployment slot swap --resource-group \"$RESOURCE_GROUP\" --name \"$APP_NAME\" --slot canary --target-slot production"
        }
        _ => "./deploy/restore-previous.sh",
    })
}

pub(super) fn canary_rollback_command(a: &Inputs) -> Option<String> {
    owned(match platform(a) {
        "kubernetes" => {
            "kubectl annotate ingress \"$APP_NAME-canary\" nginx.ingress.kubernetes.io/canary-weight=0 --overwrite\nkubectl scale deployment/\"$APP_NAME-canary\" --replicas=0"
        }
        "azure-webapp" => "az webapp traffic-routing clear --resource-group \"$RESOURCE_GROUP\" --name \"$APP_NAME\"",
        _ => "./deploy/rollback-canary.sh",
    })
}

import Foundation
import ServiceLifecycle
import SiteKit

/// Watches the book's folders and rebuilds what changed, then tells open pages.
struct RebuildService: Service {
    let site: LiveSite
    let reload: LiveReload
    let interval: Duration
    /// Started before the server answers, so no edit made after that is missed.
    let watcher: FolderWatcher
    let onReport: @Sendable (LiveSite.Report) -> Void

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            var watcher = watcher
            var folders = watcher.folders
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                let changes = watcher.changes()
                guard !changes.isEmpty else { continue }
                // Pages reload as soon as they are on disk; the search index follows a little later.
                let report = await site.rebuild(changed: changes) { pages in await reload.publish(pages) }
                onReport(report)
                if report.full { await reload.publish(report) }
                // A full build may have found a new examples folder in site.yml.
                let now = await site.watchedFolders.map { $0.standardizedFileURL.resolvingSymlinksInPath() }
                if now != folders {
                    folders = now
                    watcher = FolderWatcher(folders: folders)
                }
            }
        }
        // Open event streams would hold the HTTP server's graceful shutdown forever.
        await reload.close()
    }
}

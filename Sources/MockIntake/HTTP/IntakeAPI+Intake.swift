import Hummingbird

extension IntakeAPI {
    func addIntakeRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/v1/validate") { request, _ -> Response in
            try authorize(request, applicationKey: false)
            return JSONResponse.make(["valid": true])
        }
        router.post("/api/v1/series") { request, _ -> Response in
            try authorize(request, applicationKey: false)
            let buffer = try await body(of: request, limit: .v1Series)
            let body = try decode(V1SeriesBody.self, from: buffer)
            let now = core.clock.now()
            var points: [MetricPoint] = []
            for (index, series) in body.series.enumerated() {
                let type = MetricType(rawValue: series.type ?? "gauge") ?? .gauge
                let tags = DatadogTag.normalize(series.tags ?? [])
                for (pointIndex, pair) in series.points.enumerated() {
                    guard pair.count == 2, let value = pair[1] else {
                        throw IntakeError.invalidField(
                            "series[\(index)].points[\(pointIndex)]", "expected [timestamp, value].")
                    }
                    points.append(
                        MetricPoint(
                            metric: series.metric, timestamp: pair[0] ?? now, value: value, type: type,
                            host: series.host, tags: tags, interval: series.interval))
                }
            }
            store.add(points: points)
            record(buffer, for: request)
            return JSONResponse.ok
        }
        router.post("/api/v2/series") { request, _ -> Response in
            try authorize(request, applicationKey: false)
            let buffer = try await body(of: request, limit: .v2Series)
            let body = try V2SeriesFastDecoder.decode(buffer) ?? decode(V2SeriesBody.self, from: buffer)
            var points: [MetricPoint] = []
            for series in body.series {
                let type: MetricType
                switch series.type ?? 0 {
                case 1: type = .count
                case 2: type = .rate
                default: type = .gauge
                }
                let host = series.resources?.first { $0.type == "host" }?.name
                let tags = DatadogTag.normalize(series.tags ?? [])
                for point in series.points {
                    points.append(
                        MetricPoint(
                            metric: series.metric, timestamp: point.timestamp, value: point.value, type: type,
                            host: host, tags: tags, interval: series.interval))
                }
            }
            store.add(points: points)
            record(buffer, for: request)
            return JSONResponse.make(status: .accepted, ["errors": [String]()])
        }
        router.post("/api/v1/distribution_points") { request, _ -> Response in
            try authorize(request, applicationKey: false)
            let buffer = try await body(of: request)
            let body = try decode(DistributionBody.self, from: buffer)
            var points: [MetricPoint] = []
            for (index, series) in body.series.enumerated() {
                let tags = DatadogTag.normalize(series.tags ?? [])
                for (pointIndex, pair) in series.points.enumerated() {
                    guard pair.count == 2, let timestamp = pair[0].doubleValue, let values = pair[1].arrayValue else {
                        throw IntakeError.invalidField(
                            "series[\(index)].points[\(pointIndex)]", "expected [timestamp, [values]].")
                    }
                    for value in values.compactMap(\.doubleValue) {
                        points.append(
                            MetricPoint(
                                metric: series.metric, timestamp: timestamp, value: value, type: .distribution,
                                host: series.host, tags: tags))
                    }
                }
            }
            store.add(points: points)
            record(buffer, for: request)
            return JSONResponse.ok
        }
        router.post("/api/v1/check_run") { request, _ -> Response in
            try authorize(request, applicationKey: false)
            let buffer = try await body(of: request)
            let items: [CheckRunBody]
            if buffer.readableBytesView.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") })
                == UInt8(ascii: "[")
            {
                items = try decode([CheckRunBody].self, from: buffer)
            } else {
                items = [try decode(CheckRunBody.self, from: buffer)]
            }
            for (index, item) in items.enumerated() where !(0...3).contains(item.status) {
                throw IntakeError.invalidField(
                    items.count > 1 ? "[\(index)].status" : "status", "'\(item.status)' is not 0, 1, 2 or 3.")
            }
            let now = core.clock.now()
            store.add(
                checkRuns: items.map {
                    CheckRun(
                        check: $0.check, status: $0.status, hostName: $0.hostName, timestamp: $0.timestamp ?? now,
                        message: $0.message, tags: DatadogTag.normalize($0.tags ?? []))
                })
            record(buffer, for: request)
            return JSONResponse.ok
        }
    }
}

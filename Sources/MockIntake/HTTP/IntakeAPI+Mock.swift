import Hummingbird

extension IntakeAPI {
    /// Inspection endpoints in the manner of Datadog's fakeintake; they need no keys.
    func addMockRoutes(to router: Router<BasicRequestContext>) {
        router.get("/mock/payloads") { request, _ -> Response in
            let endpoint = request.formQueryParameters.get("endpoint")
            let payloads = store.payloads(endpoint: endpoint)
            let items: [[String: JSONValue]] = payloads.map { payload in
                [
                    "endpoint": .string(payload.endpoint),
                    "received_at": .number(payload.receivedAt),
                    "content_encoding": payload.contentEncoding.map(JSONValue.string) ?? .null,
                    "body": payload.json ?? .string(payload.text),
                ]
            }
            return JSONResponse.make(["payloads": items])
        }
        router.get("/mock/health") { _, _ -> Response in
            JSONResponse.make(store.health)
        }
        router.post("/mock/reset") { _, _ -> Response in
            core.reset()
            return JSONResponse.make(["status": "ok"])
        }
        router.get("/mock/outbox") { _, _ -> Response in
            JSONResponse.make(["messages": store.outbox])
        }
        router.post("/mock/flush") { _, _ -> Response in
            let points = core.aggregator.flush()
            return JSONResponse.make(["flushed_points": points.count])
        }
        // The benchmark's ceiling: reads the body like an intake route, then stores nothing.
        router.post("/mock/noop") { request, _ -> Response in
            _ = try await request.body.collect(upTo: BodyDecoder.maximumSize + 1)
            return JSONResponse.make(status: .accepted, ["status": "ok"])
        }
        router.post("/mock/evaluate") { _, _ -> Response in
            core.evaluator.evaluateAll()
            return JSONResponse.make(["status": "ok"])
        }
    }
}

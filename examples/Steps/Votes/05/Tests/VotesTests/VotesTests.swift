import Testing
@testable import Votes

@Test func aLineHasNameValueTypeAndTags() {
    let line = DogStatsDLine(name: "web.page_views", value: 1, type: .counter, tags: ["page:home", "env:dev"])
    #expect(line.text == "web.page_views:1|c|#page:home,env:dev")
}

@Test func tagsAreCleanedAsDatadogCleansThem() {
    let tags = DogStatsDLine.tags([("http.route", "/results"), ("Method", "GET|POST")])
    let line = DogStatsDLine(name: "web.page.latency", value: 0.25, type: .distribution, tags: tags)
    #expect(line.text == "web.page.latency:0.25|d|#http.route:/results,method:get_post")
}

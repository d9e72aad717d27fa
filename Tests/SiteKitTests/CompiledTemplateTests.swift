import Mustache
import Testing
@testable import SiteKit

/// ``CompiledTemplate`` must render exactly what swift-mustache renders, which themes fall back to.
struct CompiledTemplateTests {
    static let context: [String: TemplateValue] = [
        "title": "A <b> & \"q\" 'x'",
        "empty": "",
        "yes": true,
        "no": false,
        "site": .object(["title": "Book", "authors": "Ann"]),
        "items": .list([.object(["id": "a", "title": "One", "sub": true]), .object(["id": "b", "sub": false])]),
        "none": .list([]),
        "next": .object(["url": "n.html"]),
    ]

    static let templates = [
        "plain {{title}} {{{title}}} {{& title}} {{missing}}!",
        "{{site.title}} {{site.missing}} {{missing.title}}",
        "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}notN{{/no}}{{^yes}}notY{{/yes}}",
        "{{#empty}}[empty string is truthy]{{/empty}}{{^empty}}falsy{{/empty}}{{#missing}}M{{/missing}}{{^missing}}!M{{/missing}}",
        "<ol>{{#items}}<li{{#sub}} class=\"sub\"{{/sub}}><a href=\"#{{id}}\">{{title}}</a></li>{{/items}}</ol>",
        "{{#none}}x{{/none}}{{^none}}no items{{/none}}",
        "{{#next}}<a href=\"{{url}}\">{{title}}</a>{{/next}}",
        "{{#site.authors}}by {{site.authors}}{{/site.authors}}",
        "a\n  {{#yes}}\n  inside\n  {{/yes}}\nb\n{{! standalone comment }}\nc {{! inline }} d\n",
        "line\r\n{{#yes}}\r\nwindows\r\n{{/yes}}\r\nend",
        "  {{#yes}}  x  {{/yes}}  \n{{#no}}\n{{/no}}",
        "{{> part}}\nafter {{> part}} inline\n",
        "{{#yes}}\n{{/yes}}",
        "<main>\n    {{> block}}\n  {{> part}}\n</main>\n",
        "  {{> block}}",
    ]

    @Test(arguments: templates)
    func rendersAsSwiftMustacheDoes(_ source: String) throws {
        let compiled = try #require(CompiledTemplate(source))
        let part = try #require(CompiledTemplate("[{{title}}]\n"))
        let blockSource = "<p>\n  {{#yes}}<b>{{site.title}}</b>{{/yes}}\n{{#items}}\n<i>{{id}}</i>\n{{/items}}\n{{> part}}\n</p>\n"
        let block = try #require(CompiledTemplate(blockSource))
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: source), named: "t")
        library.register(try MustacheTemplate(string: "[{{title}}]\n"), named: "part")
        library.register(try MustacheTemplate(string: blockSource), named: "block")
        let expected = library.render(Self.context.mapValues(\.any), withTemplate: "t")
        #expect(compiled.render(Self.context, partials: ["part": part, "block": block]) == expected)
    }

    @Test(arguments: ["{{=<% %>=}}", "{{uppercased(title)}}", "{{.}}", "{{$block}}{{/block}}", "a\rb"])
    func leavesOtherSyntaxToSwiftMustache(_ source: String) {
        #expect(CompiledTemplate(source) == nil)
    }

    @Test func theDefaultThemeCompiles() {
        let (theme, problems) = Theme.load(overrides: nil, displayPrefix: "")
        #expect(problems.isEmpty)
        #expect(theme.compiled?.keys.sorted() == Theme.templateNames.sorted())
    }
}

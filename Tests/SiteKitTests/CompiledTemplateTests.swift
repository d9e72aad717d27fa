import Mustache
import Testing

@testable import SiteKit

/// ``CompiledTemplate``, the theme's engine, must render exactly what swift-mustache renders, and report the rest.
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
        "{{#site.title}}[{{.}}]{{/site.title}}{{#items}}{{#id}}{{.}}{{/id}}{{/items}}",
    ]

    @Test(arguments: templates)
    func rendersAsSwiftMustacheDoes(_ source: String) throws {
        let compiled = try CompiledTemplate(source)
        let part = try CompiledTemplate("[{{title}}]\n")
        let blockSource =
            "<p>\n  {{#yes}}<b>{{site.title}}</b>{{/yes}}\n{{#items}}\n<i>{{id}}</i>\n{{/items}}\n{{> part}}\n</p>\n"
        let block = try CompiledTemplate(blockSource)
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: source), named: "t")
        library.register(try MustacheTemplate(string: "[{{title}}]\n"), named: "part")
        library.register(try MustacheTemplate(string: blockSource), named: "block")
        let expected = library.render(Self.context.mapValues(\.any), withTemplate: "t")
        #expect(compiled.render(Self.context, partials: ["part": part, "block": block]) == expected)
    }

    @Test(arguments: [
        ("{{=<% %>=}}", TemplateError("set delimiters ('{{=') are not supported", line: 1, column: 1)),
        (
            "a\n  {{uppercased(title)}}",
            TemplateError(
                "'uppercased(title)' is not a name; write a name, a dotted name such as 'site.title', or '.'",
                line: 2, column: 3)
        ),
        (
            "{{.x}}",
            TemplateError(
                "'.x' is not a name; write a name, a dotted name such as 'site.title', or '.'",
                line: 1, column: 1)
        ),
        (
            "x\r\n{{$block}}{{/block}}",
            TemplateError(
                "blocks of template inheritance ('{{$') are not supported", line: 2, column: 1)
        ),
        ("{{#a}}\n{{#b}}\n{{/a}}", TemplateError("'{{/a}}' does not close section 'b'", line: 3, column: 1)),
        ("{{#a}}x", TemplateError("section 'a' is never closed with '{{/a}}'", line: 1, column: 1)),
        ("x {{/a}}", TemplateError("'{{/a}}' closes no section", line: 1, column: 3)),
        ("é {{title", TemplateError("'{{' is never closed with '}}'", line: 1, column: 4)),
        ("{{#.}}{{/.}}", TemplateError("'{{#' needs a name, not '.'", line: 1, column: 1)),
    ])
    func reportsWhatItDoesNotRenderWhereItIs(_ source: String, _ error: TemplateError) {
        #expect(throws: error) { try CompiledTemplate(source) }
    }

    @Test func theDefaultThemeCompiles() {
        let (theme, problems) = Theme.load(overrides: nil, displayPrefix: "")
        #expect(problems.isEmpty)
        #expect(theme.templates.keys.sorted() == Theme.templateNames.sorted())
    }

    @Test func anOverrideThatDoesNotCompileIsADiagnosticAtItsPosition() throws {
        let book = try TemporaryBook(["theme/footer.mustache": "<footer>\n  {{> part}} {{=| |=}}\n</footer>\n"])
        defer { book.remove() }
        let (theme, problems) = Theme.load(
            overrides: book.content.appendingPathComponent("theme"), displayPrefix: "content/")
        #expect(
            problems.map(\.description) == [
                "content/theme/footer.mustache:2:14: error: template error: set delimiters ('{{=') are not supported"
            ])
        #expect(theme.templates["footer"] == nil && theme.templates["page"] != nil)
    }
}

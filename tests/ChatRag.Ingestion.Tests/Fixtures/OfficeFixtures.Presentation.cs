using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using A = DocumentFormat.OpenXml.Drawing;

namespace ChatRag.Ingestion.Tests.Fixtures;

internal static partial class OfficeFixtures
{
    /// <summary>A presentation with one slide per (title, bullets) pair.</summary>
    public static byte[] Presentation(params (string Title, string[] Bullets)[] slides)
    {
        using var stream = new MemoryStream();
        using (var document = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            var part = document.AddPresentationPart();
            part.Presentation = new Presentation(new SlideIdList());
            for (var i = 0; i < slides.Length; i++)
            {
                var relationship = $"rId{i + 10}";
                var slide = part.AddNewPart<SlidePart>(relationship);
                slide.Slide = new Slide(new CommonSlideData(new ShapeTree(
                    new NonVisualGroupShapeProperties(
                        new NonVisualDrawingProperties { Id = 1, Name = string.Empty },
                        new NonVisualGroupShapeDrawingProperties(),
                        new ApplicationNonVisualDrawingProperties()),
                    new GroupShapeProperties(),
                    Shape(2, PlaceholderValues.Title, [slides[i].Title]),
                    Shape(3, PlaceholderValues.Body, slides[i].Bullets))));
                part.Presentation.SlideIdList!.Append(new SlideId { Id = (uint)(256 + i), RelationshipId = relationship });
            }
        }

        return stream.ToArray();
    }

    private static Shape Shape(uint id, PlaceholderValues type, string[] paragraphs) =>
        new(
            new NonVisualShapeProperties(
                new NonVisualDrawingProperties { Id = id, Name = $"Shape {id}" },
                new NonVisualShapeDrawingProperties(),
                new ApplicationNonVisualDrawingProperties(new PlaceholderShape { Type = type })),
            new ShapeProperties(),
            new TextBody(paragraphs.Select(p => (OpenXmlElement)new A.Paragraph(new A.Run(new A.Text(p)))).Prepend(new A.ListStyle()).Prepend(new A.BodyProperties())));
}
